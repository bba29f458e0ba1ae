"""A group's soapbox, run by its process leader (or a facilitator): phases, countdown, speakers.

Each group has its own state row (`GroupActivityState`); every change claims its next
version with a compare-and-set, like the room's live state, so two presses of "next"
move the group one step. After commit the group's phones get the new phase, countdown
and speaking order (one frame per group and language), the tablets get the overview,
and the phones of the group's process leaders and speakers fetch their own part again
(their controls, their feedback) through a resync. No draft or feedback is ever in
those frames.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from groups import selectors as group_selectors
from groups.models import Group
from program import activities
from program.models import AgendaItem, GroupActivityState, Speaker, SpeakerDraw, Volunteer
from program.services import NotPossible, StaleVersion
from program.soapbox import draw, regions, selectors
from seminar.models import Participant

__all__ = ["NotOpen", "NotPossible", "StaleVersion"]


class NotOpen(Exception):
    """Not a soapbox item, or the group (or person) is not in the item's published round."""


def _check(item: AgendaItem, group: Group) -> None:
    round_ = group_selectors.round_for_item(item)
    if item.kind != selectors.KIND or round_ is None or group.round_id != round_.pk:
        raise NotOpen


def _lock(item: AgendaItem, group: Group, version: int | None) -> GroupActivityState:
    """Claim the group's next version, or raise StaleVersion (see program.services._lock)."""
    _check(item, group)
    rows = GroupActivityState.objects.filter(item=item, group=group)
    if version is not None:
        rows = rows.filter(version=version)
    if rows.update(version=F("version") + 1) == 0:
        initial = selectors.initial_state(item, group)
        _, created = GroupActivityState.objects.get_or_create(
            item=item,
            group=group,
            defaults={"phase": initial.phase, "timer_remaining": initial.timer_remaining},
        )
        if not created or version not in (None, 1):
            raise StaleVersion
        GroupActivityState.objects.filter(item=item, group=group).update(version=F("version") + 1)
    return GroupActivityState.objects.select_for_update(of=("self",)).get(item=item, group=group)


def _publish(item: AgendaItem, group: Group) -> None:
    """The group's phones and the tablets get the new state; the phones of the group's process
    leaders and speakers render their own part again (their controls, their feedback)."""
    activities.push(item, regions.GROUP, regions.TABLET, target=group)
    for leader in selectors.leaders(group):
        activities.push(item, regions.LEAD, target=leader)
    for speaker in selectors.lineup(item, group):
        activities.push(item, regions.INBOX, target=speaker.participant)


def _save(state: GroupActivityState) -> GroupActivityState:
    state.save()
    _publish(state.item, state.group)
    return state


def _enter(state: GroupActivityState, phase: selectors.Phase) -> None:
    state.phase = phase.key
    state.timer_ends_at = None
    minutes = selectors.phase_minutes(state.item, phase)
    state.timer_remaining = minutes * 60 if minutes else None


@transaction.atomic
def move_phase(
    *, item: AgendaItem, group: Group, version: int, forward: bool
) -> GroupActivityState:
    """Move one group to its next (or previous) phase; its countdown is set for the phase.

    Saves the group's state; publishes the group's phones and the tablets.
    """
    state = _lock(item, group, version)
    phases = selectors.phases(item)
    index = phases.index(selectors.phase(item, state.phase)) + (1 if forward else -1)
    if not 0 <= index < len(phases):
        raise NotPossible
    _enter(state, phases[index])
    return _save(state)


# Phases a group can only be in once its speakers are drawn.
NEEDS_SPEAKERS = ("speeches", "feedback")


@dataclass(frozen=True)
class Everywhere:
    """What a facilitator's "all groups to" did, group by group."""

    moved: list[Group]
    ahead: list[Group]  # already in the phase or further: their process leader runs them
    without_speakers: list[Group]  # the phase needs speakers they have not drawn


@transaction.atomic
def set_phase_everywhere(*, item: AgendaItem, phase: str) -> Everywhere:
    """Move every group of the item's round that is behind `phase` into it (a facilitator's "all
    groups").

    Never moves a group back (its process leader moved it on) and never into the speeches or
    the feedback before its speakers are drawn. Saves and publishes each group that moved.
    """
    keys = selectors.phase_keys(item)
    if phase not in keys:
        raise NotPossible
    target = keys.index(phase)
    moved, ahead, without_speakers = [], [], []
    for group, _ in selectors.groups(item):
        seen = selectors.group_state(item, group)
        if keys.index(selectors.phase(item, seen.phase).key) >= target:
            ahead.append(group)
        elif phase in NEEDS_SPEAKERS and not selectors.lineup(item, group):
            without_speakers.append(group)
        else:
            try:
                state = _lock(item, group, seen.version)
            except StaleVersion:  # its process leader acted meanwhile: theirs is the last word
                ahead.append(group)
                continue
            _enter(state, selectors.phase(item, phase))
            _save(state)
            moved.append(group)
    return Everywhere(moved=moved, ahead=ahead, without_speakers=without_speakers)


@transaction.atomic
def start_timer(*, item: AgendaItem, group: Group, version: int) -> GroupActivityState:
    """Start or resume the group's countdown. Publishes the group."""
    state = _lock(item, group, version)
    if state.timer_ends_at is not None or not state.timer_remaining:
        raise NotPossible
    state.timer_ends_at = timezone.now() + dt.timedelta(seconds=state.timer_remaining)
    state.timer_remaining = None
    return _save(state)


@transaction.atomic
def pause_timer(*, item: AgendaItem, group: Group, version: int) -> GroupActivityState:
    """Stop the group's countdown where it is. Publishes the group."""
    state = _lock(item, group, version)
    if state.timer_ends_at is None:
        raise NotPossible
    state.timer_remaining = max(0, round((state.timer_ends_at - timezone.now()).total_seconds()))
    state.timer_ends_at = None
    return _save(state)


@transaction.atomic
def add_minutes(
    *, item: AgendaItem, group: Group, version: int, minutes: int
) -> GroupActivityState:
    """Give the group's countdown more (or, negative, less) time. Publishes the group."""
    state = _lock(item, group, version)
    if state.timer_ends_at is not None:
        state.timer_ends_at = max(
            timezone.now(), state.timer_ends_at + dt.timedelta(minutes=minutes)
        )
    else:
        state.timer_remaining = max(0, (state.timer_remaining or 0) + minutes * 60)
    return _save(state)


@transaction.atomic
def choose_speakers(
    *,
    item: AgendaItem,
    group: Group,
    version: int,
    volunteers: list[Participant],
    seed: int | None = None,
) -> SpeakerDraw:
    """Choose the group's speakers: the volunteers picked (at most the item's speakers), then a
    uniform random draw among the present members who have not spoken for the places left.

    Saves the draw (seed and candidates, so it can be repeated) and its speakers, replacing a
    lineup not yet called; publishes the speaking order to the group.
    """
    state = _lock(item, group, version)
    if state.phase not in ("prepare", "speeches"):
        raise NotPossible
    allowed = [person.pk for person in selectors.volunteers(item, group)]
    picked = {person.pk for person in volunteers}
    if len(picked) > selectors.speakers(item) or not picked <= set(allowed):
        raise NotPossible
    chosen = [pk for pk in allowed if pk in picked]  # first come, first to speak
    pool = sorted(
        person.pk for person in selectors.candidates(item, group) if person.pk not in picked
    )
    seed = draw.new_seed() if seed is None else seed
    drawn = draw.draw(pool, selectors.speakers(item) - len(chosen), seed)
    if not chosen and not drawn:
        raise NotPossible
    record = SpeakerDraw.objects.create(
        item=item, group=group, chosen=chosen, candidates=pool, seed=seed, drawn=len(drawn)
    )
    Speaker.objects.bulk_create(
        Speaker(draw=record, participant_id=pk, order=order, volunteered=pk in picked)
        for order, pk in enumerate(chosen + drawn, start=1)
    )
    _save(state)
    return record


@transaction.atomic
def call_next_speaker(*, item: AgendaItem, group: Group, version: int) -> Speaker:
    """Call the next speaker of the lineup up; the group's phones open a feedback form for them.

    Saves when they were called; publishes the group.
    """
    state = _lock(item, group, version)
    if state.phase != "speeches":
        raise NotPossible
    speaker = selectors.next_speaker(selectors.lineup(item, group))
    if speaker is None:
        raise NotPossible
    speaker.called_at = timezone.now()
    speaker.save(update_fields=["called_at"])
    _save(state)
    return speaker


@transaction.atomic
def set_volunteer(*, item: AgendaItem, participant: Participant, volunteer: bool) -> bool:
    """Offer to speak, or take the offer back (the form says which, so a repeated send changes
    nothing).

    Saves the offer; the group's process leaders see the volunteers on their phones (resync).
    """
    group = selectors.group_of(item, participant)
    if item.kind != selectors.KIND or group is None:
        raise NotOpen
    if volunteer:
        try:
            with transaction.atomic():
                Volunteer.objects.get_or_create(item=item, participant=participant)
        except IntegrityError:  # the same offer raced in from a retried request
            pass
    else:
        Volunteer.objects.filter(item=item, participant=participant).delete()
    for leader in selectors.leaders(group):
        activities.push(item, regions.LEAD, target=leader)
    return volunteer
