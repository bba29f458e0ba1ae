"""The three screens of the room, as the live layer sees them.

Room-wide frames are rendered once per screen role and language and sent to that
audience; while an item with a grouping is on, each group's part ("your group now",
the activity's group regions) is rendered once per group and language and sent to
that group's audience. A socket gets the same partials, plus its personal regions,
as its snapshot when it connects.
"""

from collections.abc import Iterator

from django.template.loader import render_to_string
from django.utils import timezone, translation

from groups import screens as group_screens
from groups import selectors as group_selectors
from groups.models import Group, Membership
from program import activities, selectors
from seminar import access, live
from seminar.languages import language_codes
from seminar.live import audiences
from seminar.live import regions as live_regions
from seminar.live.regions import Scope
from seminar.models import Participant, Seminar
from seminar.presence import screen_counts

TEMPLATES = {
    "projector": "program/projector.html#screen",
    "participant": "program/phone.html#frame",
    "facilitator": "program/run.html#frame",
}


# A top-level live element; its data attributes are live.js's contract (seminar.live.regions).
region = live_regions.element


def render_room(
    role: str,
    room: selectors.Room,
    request=None,
    group_part: tuple[str, str] | None = None,
    person_part: str | None = None,
) -> str:
    """A screen's room frame; with a request (a page load), forms carry their CSRF token.

    A phone in a group passes its group's part (members, activity regions), and a phone's
    whole frame its own part; without them the phone's template puts empty placeholders
    in their places, which give way to a group's or a person's part (live.js). The
    phone's layout is its template's (program/phone.html#frame).
    """
    context = {"room": room, "seminar": room.seminar}
    kind, item = room.kind, room.current
    if role == "projector":
        if room.state.projector == "groups":
            context["find_group"] = group_screens.find_group(group_selectors.round_for_item(item))
        if kind is not None:
            context.update(kind.projector_context(item))
    elif role == "participant":
        members, group_regions = group_part or (
            group_screens.your_group(group=None, grouping=room.grouping_on, version=room.version),
            None,
        )
        context.update(
            item=item,
            mark=item_mark(item),
            members=members,
            group_regions=group_regions,
            person_part=person_part,
            room_regions=kind.room_regions(item, request) if kind else "",
        )
    elif role == "facilitator":
        context["activity"] = kind.tablet_regions(room.current, request) if kind else ""
    return render_to_string(TEMPLATES[role], context, request=request)


def group_frame(room: selectors.Room, group: Group, members_frame: str, request=None) -> str:
    return members_frame + activity_group(room, group, request)


def activity_group(room: selectors.Room, group: Group | None, request=None) -> str:
    kind = room.kind
    regions = kind.group_regions(room.current, group, request) if kind and group else ""
    return region("activity-group", regions, room.version, **{"for": item_mark(room.current)})


def item_mark(item) -> str:
    return f"item-{item.pk}" if item is not None else "none"


def room_frames(seminar_id: int) -> Iterator[tuple[str, str]]:
    """Every room-wide frame after a change, in the order the screens should get them.

    The renderer renders a frame only once the previous one is out (seminar/live/outbox.py), so
    this order is the order of arrival: the projector and the phones (the room waits on
    them), then each group's part, then the tablets (heavier to render, and the tablet
    that acted has had its answer already). Audiences no screen receives are skipped
    (`live.listened`).
    """
    room = selectors.room(Seminar.objects.get(pk=seminar_id))
    round_ = group_selectors.round_for_item(room.current)
    groups = {group.pk: group for group in round_.groups.all()} if round_ else {}
    languages = language_codes()
    wanted = [audiences.role(role, language) for language in languages for role in audiences.ROLES]
    wanted += [audiences.group(group_id, language) for language in languages for group_id in groups]
    heard = {
        name for name, yes in zip(wanted, live.listening(seminar_id, wanted), strict=True) if yes
    }  # one question to Redis for the whole render
    for language in languages:  # the default language first: most screens read it
        for role in (audiences.PROJECTOR, audiences.PARTICIPANT):
            if audiences.role(role, language) in heard:
                with translation.override(language):
                    yield audiences.role(role, language), render_room(role, room)
    for language in languages if round_ is not None else ():
        listening = {
            group_id for group_id in groups if audiences.group(group_id, language) in heard
        }
        if not listening:
            continue
        with translation.override(language):
            for group_id, frame in group_screens.group_frames(round_, room.version):
                if group_id in listening:
                    yield (
                        audiences.group(group_id, language),
                        group_frame(room, groups[group_id], frame),
                    )
    for language in languages:
        if audiences.tablets(language) in heard:
            with translation.override(language):
                yield audiences.tablets(language), render_room(audiences.FACILITATOR, room)


def publish_room(seminar_id: int) -> None:
    """After commit, send the room's new state to every screen, in every language."""
    live.publish(seminar_id, lambda: room_frames(seminar_id))


def has_person_regions(item) -> bool:
    """Whether the item's kind shows each phone something of its own (marks, a leader's tools)."""
    return item is not None and activities.get(item.kind).has_regions(Scope.PERSON)


def resync_phones(seminar_id: int) -> None:
    """After commit, every phone of the seminar renders its own part again (live.RESYNC_OWN).

    A room frame carries no phone's own region; when the program moves onto an item whose
    kind has one, phones connected before would keep none (votes and handshakes then have
    no marks to target, a process leader no controls). One instruction per language group
    reaches every phone: one per person was a channel-layer message each, 2,000 Redis
    publishes in a row on the outbox (docs/live.md).
    """

    def frames():
        for code in live.languages_listened(seminar_id, audiences.PARTICIPANT):
            yield audiences.phones(code), live.RESYNC_OWN

    # Behind the room's frames of the same change: the room must not wait for 2,000 resyncs.
    live.publish(seminar_id, frames, behind=True)


class RoomScreen(live.Screen):
    """A screen of the room: its snapshot is the room's frame for its role."""

    def snapshot(self, viewer: live.Viewer) -> str:
        with translation.override(viewer.language):
            return render_room(self.role, selectors.room(Seminar.objects.get(pk=viewer.seminar_id)))


class ProjectorScreen(RoomScreen):
    role = audiences.PROJECTOR

    def viewer(self, scope: dict, seminar: Seminar, language: str) -> live.Viewer | None:
        """A browser the display link was opened in, for this seminar."""
        if access.is_display(scope["session"], seminar.pk):
            return live.Viewer(seminar.pk, self.role, language)
        return None


class PhoneScreen(RoomScreen):
    role = audiences.PARTICIPANT

    def viewer(self, scope: dict, seminar: Seminar, language: str) -> live.Viewer | None:
        """The participant this browser is bound to in this seminar."""
        participant = access.bound_participant(scope["session"], seminar)
        if participant is None:
            return None
        return live.Viewer(seminar.pk, self.role, language, participant_id=participant.pk)

    def audiences(self, viewer: live.Viewer) -> list[str]:
        groups = group_selectors.published_groups_of(viewer.participant_id)
        return self.audiences_of(viewer, groups)

    @staticmethod
    def audiences_of(viewer: live.Viewer, group_ids) -> list[str]:
        """Every phone's audiences: the room's in its language, the person's own, its groups'."""
        return [
            audiences.phones(viewer.language),
            audiences.person(viewer.participant_id),
            *(audiences.group(group_id, viewer.language) for group_id in group_ids),
        ]

    def audiences_many(self, viewers: list[live.Viewer]) -> list[list[str]]:
        """`audiences` for many phones at once (a resync), in one query."""
        groups: dict[int, list[int]] = {}
        for participant_id, group_id in Membership.objects.filter(
            participant_id__in={viewer.participant_id for viewer in viewers},
            round__published_at__isnull=False,
        ).values_list("participant_id", "group_id"):
            groups.setdefault(participant_id, []).append(group_id)
        return [
            self.audiences_of(viewer, groups.get(viewer.participant_id, ())) for viewer in viewers
        ]

    def snapshot(self, viewer: live.Viewer, request=None) -> str:
        with translation.override(viewer.language):
            return self.frame(
                selectors.room(Seminar.objects.get(pk=viewer.seminar_id)),
                viewer.participant_id,
                request,
            )

    def snapshots(self, viewers: list[live.Viewer]) -> list[str]:
        """`snapshot` for many phones of one seminar at once (a resync of the whole room).

        The room is read once; what phones share (the room's part, a group's part) is
        rendered once per language and group; only each phone's own part is per phone.
        Rendering 2,000 whole snapshots one by one took seconds (docs/live.md).
        """
        if not viewers:
            return []
        room = selectors.room(Seminar.objects.get(pk=viewers[0].seminar_id))
        round_ = group_selectors.round_for_item(room.current)
        ids = {viewer.participant_id for viewer in viewers}
        groups = (
            {
                m.participant_id: m.group
                for m in Membership.objects.filter(
                    round=round_, participant_id__in=ids
                ).select_related("group")
            }
            if round_
            else {}
        )
        people = room.seminar.participants.in_bulk(ids)
        shared: dict[tuple[str, int | None], str] = {}
        frames = []
        for viewer in viewers:
            group = groups.get(viewer.participant_id)
            with translation.override(viewer.language):
                key = (viewer.language, group.pk if group is not None else None)
                if key not in shared:
                    shared[key] = self.room_part(room, group)
                frames.append(
                    shared[key] + self.person_part(room, people.get(viewer.participant_id))
                )
        return frames

    def own_parts(self, viewers: list[live.Viewer]) -> list[str]:
        """Each phone's own part alone (live.RESYNC_OWN): the room's frame carried the rest."""
        if not viewers:
            return []
        # The live state alone (version, item on): an own part needs no program, no timer.
        seminar = Seminar.objects.get(pk=viewers[0].seminar_id)
        state = selectors.live_state(seminar)
        room = selectors.Room(
            seminar=seminar, state=state, items=[], now=timezone.now(), current=state.item
        )
        people = seminar.participants.in_bulk({viewer.participant_id for viewer in viewers})
        parts = []
        for viewer in viewers:
            with translation.override(viewer.language):
                parts.append(self.person_part(room, people.get(viewer.participant_id)))
        return parts

    def frame(self, room: selectors.Room, participant_id: int, request=None) -> str:
        """Everything one phone shows: the room's part, its group's part, its own part."""
        group = group_selectors.group_for_item(participant_id, room.current)
        participant = room.seminar.participants.get(pk=participant_id)
        # The own part goes where the page shows it (near the top), not after the program.
        part = (
            group_screens.your_group(
                group=group, grouping=group is not None or room.grouping_on, version=room.version
            ),
            activity_group(room, group, request),
        )
        return render_room(
            self.role,
            room,
            request,
            group_part=part,
            person_part=self.person_part(room, participant, request),
        )

    def room_part(self, room: selectors.Room, group: Group | None, request=None) -> str:
        """What every phone of `group` (or of no group) shows: the room and the group's part.

        The phone's own part (`person_part`) follows it: a phone's own frame is the truth
        for it, with no placeholder that might give way.
        """
        part = (
            group_screens.your_group(
                group=group, grouping=group is not None or room.grouping_on, version=room.version
            ),
            activity_group(room, group, request),
        )
        return render_room(self.role, room, request, group_part=part, person_part="")

    def person_part(
        self, room: selectors.Room, participant: Participant | None, request=None
    ) -> str:
        personal = (
            room.kind.person_regions(room.current, participant, request)
            if room.kind and participant is not None
            else ""
        )
        return region("activity-person", personal, room.version, **{"for": item_mark(room.current)})


class TabletScreen(RoomScreen):
    role = audiences.FACILITATOR

    def viewer(self, scope: dict, seminar: Seminar, language: str) -> live.Viewer | None:
        """A facilitator's login: the tablet of each seminar they run."""
        user = scope.get("user")
        if access.facilitates(user, seminar.pk):
            return live.Viewer(seminar.pk, self.role, language, user_id=user.pk)
        return None

    def snapshot(self, viewer: live.Viewer) -> str:
        return super().snapshot(viewer) + self.presence_frame(viewer.seminar_id, viewer.language)

    def presence_frame(self, seminar_id: int, language: str) -> str:
        with translation.override(language):
            return render_to_string(
                "program/run.html#presence", {"counts": screen_counts(seminar_id)}
            )
