"""The three screens of the room, as the live layer sees them.

Room-wide frames are rendered once per screen role and language and sent to that
audience; a socket gets the same partial as its snapshot when it connects.
"""

from collections.abc import Iterator

from django.template.loader import render_to_string
from django.utils import translation

from program import selectors
from seminar import live
from seminar.languages import language_codes
from seminar.models import Seminar
from seminar.presence import screen_counts

TEMPLATES = {
    "projector": "program/projector.html#screen",
    "participant": "program/phone.html#live",
    "facilitator": "program/run.html#live",
}


def render_room(seminar_id: int, role: str, language: str, room: selectors.Room | None = None) -> str:
    with translation.override(language):
        if room is None:
            room = selectors.room(Seminar.objects.get(pk=seminar_id))
        return render_to_string(TEMPLATES[role], {"room": room, "seminar": room.seminar})


def room_frames(seminar_id: int) -> Iterator[tuple[str, str]]:
    room = selectors.room(Seminar.objects.get(pk=seminar_id))
    for role in TEMPLATES:
        for language in language_codes():
            yield f"{role}-{language}", render_room(seminar_id, role, language, room)


def publish_room(seminar_id: int) -> None:
    """After commit, send the room's new state to every screen, in every language."""
    live.publish(seminar_id, lambda: room_frames(seminar_id))


class RoomScreen:
    role = ""

    def audiences(self, viewer: live.Viewer) -> list[str]:
        return [f"{self.role}-{viewer.language}"]

    def snapshot(self, viewer: live.Viewer) -> str:
        return render_room(viewer.seminar_id, self.role, viewer.language)


class ProjectorScreen(RoomScreen):
    role = "projector"


class PhoneScreen(RoomScreen):
    role = "participant"


class TabletScreen(RoomScreen):
    role = "facilitator"

    def snapshot(self, viewer: live.Viewer) -> str:
        return super().snapshot(viewer) + self.presence_frame(viewer.seminar_id, viewer.language)

    def presence_frame(self, seminar_id: int, language: str | None = None) -> str:
        with translation.override(language or translation.get_language()):
            return render_to_string(
                "program/run.html#presence", {"counts": screen_counts(seminar_id)}
            )
