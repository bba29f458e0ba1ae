"""The live layer's one door: screens register here, services publish through here.

A *screen* (projector, phone, tablet) knows which audiences a viewer belongs to and
how to render the full current state for that viewer. Services call `publish()` inside
their transaction; the frame is rendered and sent only after commit, once per
audience, to the group `seminar-<id>-<audience>`. A push is a hint: every socket gets
the full state again when it (re)connects.
"""

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Viewer:
    """Who is looking at a screen: its role and, for a phone, the participant."""

    seminar_id: int
    role: str
    language: str
    participant_id: int | None = None
    user_id: int | None = None


class Screen(Protocol):
    role: str

    def audiences(self, viewer: Viewer) -> list[str]: ...

    def snapshot(self, viewer: Viewer) -> str: ...


_SCREENS: dict[str, Screen] = {}


def register_screen(screen: Screen) -> None:
    _SCREENS[screen.role] = screen


def screen_for(role: str) -> Screen | None:
    return _SCREENS.get(role)


def group_name(seminar_id: int, audience: str) -> str:
    return f"seminar-{seminar_id}-{audience}"


def publish(seminar_id: int, render: Callable[[], Iterable[tuple[str, str]]]) -> None:
    """After the current transaction commits, render frames and send each to its audience.

    `render` yields (audience, frame) pairs; it runs after commit, so it reads the
    committed state and a rolled-back change is never shown.
    """

    def render_and_send() -> None:
        for audience, frame in render():
            send_now(seminar_id, audience, frame)

    transaction.on_commit(render_and_send)


def send_now(seminar_id: int, audience: str, frame: str) -> None:
    """Send an already rendered frame from sync code; never raises, never hangs."""
    try:
        async_to_sync(send_frame)(group_name(seminar_id, audience), frame)
    except Exception:  # a push is a hint; the state is in the database
        log.exception("live push to %s failed", audience)


async def send_frame(group: str, frame: str) -> None:
    layer = get_channel_layer()
    message = {"type": "relay.frame", "group": group, "frame": frame}
    try:
        await asyncio.wait_for(layer.group_send(group, message), settings.LIVE_SEND_TIMEOUT_SECONDS)
    except TimeoutError:
        log.warning("live push to %s timed out", group)
