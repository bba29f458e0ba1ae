"""Screen types: who may open one, which audiences it hears, and its full state.

A screen type (the projector, a phone, a tablet) is one `Screen` subclass, registered
once (`register_screen`, in an app's `ready`). The consumer asks the screen of the
socket's role who the viewer is, which audiences to join and what to send; resyncs and
presence counts iterate the registered screens. A new screen type is one class and one
register line: nothing in the live layer names a role.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from seminar.live import audiences as names


@dataclass(frozen=True)
class Viewer:
    """Who is looking at a screen: its role and, for a phone, the participant."""

    seminar_id: int
    role: str
    language: str
    participant_id: int | None = None
    user_id: int | None = None


class Screen(ABC):
    """One screen type. `viewer` and `snapshot` are its own; every other hook has a default."""

    role: str = ""

    @abstractmethod
    def viewer(self, scope: dict, seminar: Any, language: str) -> Viewer | None:
        """Who a socket with this scope (session, user) may act as in `seminar`, or None to
        refuse it. Runs in a database thread."""

    @abstractmethod
    def snapshot(self, viewer: Viewer) -> str:
        """The full current state for one viewer (sent on connect and on a resync)."""

    def audiences(self, viewer: Viewer) -> list[str]:
        """The audiences whose frames reach this viewer: by default its role in its language."""
        return [names.role(self.role, viewer.language)]

    def audiences_many(self, viewers: list[Viewer]) -> list[list[str]]:
        """`audiences` for many viewers of one seminar at once (a resync)."""
        return [self.audiences(viewer) for viewer in viewers]

    def snapshots(self, viewers: list[Viewer]) -> list[str]:
        """`snapshot` for many viewers of one seminar at once (a resync)."""
        return [self.snapshot(viewer) for viewer in viewers]

    def own_parts(self, viewers: list[Viewer]) -> list[str]:
        """What changes for each viewer alone on a RESYNC_OWN, its audiences unchanged.

        A screen with no part of its own besides the room's sends its whole snapshot.
        """
        return self.snapshots(viewers)

    def presence_frame(self, seminar_id: int, language: str) -> str:
        """A frame for this role's audience in `language` when the count of connected screens
        changes; empty (the default) sends nothing."""
        return ""


_SCREENS: dict[str, Screen] = {}


def register_screen(screen: Screen) -> None:
    _SCREENS[screen.role] = screen


def screen_for(role: str) -> Screen | None:
    return _SCREENS.get(role)


def registered() -> tuple[Screen, ...]:
    """The registered screen types, in the order they were registered."""
    return tuple(_SCREENS.values())


def roles() -> tuple[str, ...]:
    return tuple(_SCREENS)
