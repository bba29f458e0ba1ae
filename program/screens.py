"""The three screens of the room, as the live layer sees them.

Room-wide frames are rendered once per screen role and language and sent to that
audience; while an item with a grouping is on, each group's "your group now" is
rendered once per group and language and sent to that group's audience. A socket gets
the same partials as its snapshot when it connects.
"""

from collections.abc import Iterator

from django.template.loader import render_to_string
from django.utils import translation

from groups import screens as group_screens
from groups import selectors as group_selectors
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


def render_room(role: str, room: selectors.Room) -> str:
    context = {"room": room, "seminar": room.seminar}
    if role == "projector" and room.state.projector == "groups":
        context["find_group"] = group_screens.find_group(group_selectors.round_for_item(room.current))
    frame = render_to_string(TEMPLATES[role], context)
    if role == "participant":  # clears "your group" for phones that have none in this round
        frame += group_screens.your_group(group=None, grouping=room.grouping_on, version=room.version)
    return frame


def room_frames(seminar_id: int) -> Iterator[tuple[str, str]]:
    room = selectors.room(Seminar.objects.get(pk=seminar_id))
    round_ = group_selectors.round_for_item(room.current)
    for language in language_codes():
        with translation.override(language):
            for role in TEMPLATES:
                yield f"{role}-{language}", render_room(role, room)
            if round_ is not None:
                for group_id, frame in group_screens.group_frames(round_, room.version):
                    yield f"group-{group_id}-{language}", frame


def publish_room(seminar_id: int) -> None:
    """After commit, send the room's new state to every screen, in every language."""
    live.publish(seminar_id, lambda: room_frames(seminar_id))


class RoomScreen:
    role = ""

    def audiences(self, viewer: live.Viewer) -> list[str]:
        return [f"{self.role}-{viewer.language}"]

    def snapshot(self, viewer: live.Viewer) -> str:
        with translation.override(viewer.language):
            return render_room(self.role, selectors.room(Seminar.objects.get(pk=viewer.seminar_id)))


class ProjectorScreen(RoomScreen):
    role = "projector"


class PhoneScreen(RoomScreen):
    role = "participant"

    def audiences(self, viewer: live.Viewer) -> list[str]:
        groups = group_selectors.published_groups_of(viewer.participant_id)
        return [*super().audiences(viewer), f"person-{viewer.participant_id}",
                *(f"group-{group_id}-{viewer.language}" for group_id in groups)]

    def snapshot(self, viewer: live.Viewer) -> str:
        with translation.override(viewer.language):
            room = selectors.room(Seminar.objects.get(pk=viewer.seminar_id))
            group = group_selectors.group_of(viewer.participant_id, group_selectors.round_for_item(room.current))
            frame = render_room(self.role, room)
            if group is not None:
                frame += group_screens.your_group(group=group, grouping=True, version=room.version)
            return frame


class TabletScreen(RoomScreen):
    role = "facilitator"

    def snapshot(self, viewer: live.Viewer) -> str:
        return super().snapshot(viewer) + self.presence_frame(viewer.seminar_id, viewer.language)

    def presence_frame(self, seminar_id: int, language: str | None = None) -> str:
        with translation.override(language or translation.get_language()):
            return render_to_string("program/run.html#presence", {"counts": screen_counts(seminar_id)})
