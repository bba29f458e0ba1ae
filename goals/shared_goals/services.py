"""The big groups' shared goals: edits with a version check, lock, revisions, hiding, handshakes."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from goals import selectors
from goals.models import Goal, GoalRevision, Handshake
from goals.services import Locked, NotAllowed, NotOpen, Stale
from goals.shared_goals import screens as goal_screens
from program import screens
from program.models import AgendaItem
from seminar import live
from seminar.models import Participant

WRITING = "goal_writing"


def _frames(seminar_id: int, group_id: int | None):
    item = goal_screens.current_item(seminar_id)
    goal = Goal.objects.filter(group_id=group_id).select_related("item__day", "group").first()
    if goal is not None:
        for language, frame in selectors.per_language(lambda: goal_screens.group_section(goal.item, goal.group)):
            yield f"group-{goal.group_id}-{language}", frame
    if item is not None:
        for language, frame in selectors.per_language(lambda: goal_screens.tablet_section(item)):
            yield f"facilitator-{language}", frame


def _publish(goal: Goal, *, room: bool = False) -> None:
    """The group's phones and the tablets; with room=True every screen (the projector, the plenum list)."""
    live.publish(goal.seminar_id, lambda: _frames(goal.seminar_id, goal.group_id))
    if room:
        screens.publish_room(goal.seminar_id)


def _on_projector(goal: Goal) -> bool:
    item = goal_screens.current_item(goal.seminar_id)
    return item is not None and getattr(goal_screens.shown_goal(item), "pk", None) == goal.pk


def _write(lookup: dict, *, version: int, key: uuid.UUID, texts: dict, create: dict | None = None,
           unlocked_only: bool = True, by_participant=None, by_user=None) -> Goal:
    """The version-checked write, first statement of its transaction (see goals.services.store_versioned)."""
    with transaction.atomic():
        changed = False
        if version == 0 and create is not None:
            try:
                with transaction.atomic():
                    Goal.objects.create(**lookup, **create, **texts)
                changed = True
            except IntegrityError:  # another member's first save won
                pass
        else:
            rows = Goal.objects.filter(**lookup, version=version)
            if unlocked_only:
                rows = rows.filter(locked_at__isnull=True)
            changed = rows.update(version=F("version") + 1, updated_at=timezone.now(), **texts) == 1
        goal = Goal.objects.filter(**lookup).first()
        if goal is None:
            raise NotOpen
        if changed:
            GoalRevision.objects.create(goal=goal, version=goal.version, key=key, by_participant=by_participant,
                                        by_user=by_user, **texts)
            _publish(goal, room=_on_projector(goal))
            return goal
        if goal.revisions.filter(key=key).exists():  # this very save, retried
            return goal
        if goal.locked and unlocked_only:
            raise Locked
        raise Stale(goal)


def save_goal(*, item: AgendaItem, author: Participant, version: int, key: uuid.UUID, what: str, why: str,
              how_we_know: str) -> Goal:
    """A member saves their big group's goal (Stale when made on an older version, Locked after the lock).

    Keeps a GoalRevision per save; a retried save (same key) returns the goal unchanged.
    Pushes the group's phones and the tablets (and the room when the goal is on the projector).
    """
    if item.kind != WRITING or item.day.seminar_id != author.seminar_id:
        raise NotOpen
    group = selectors.group_for(item, author)
    if group is None:
        raise NotAllowed
    return _write({"group": group}, version=version, key=key,
                  texts={"what": what, "why": why, "how_we_know": how_we_know},
                  create={"seminar_id": item.day.seminar_id, "item": item}, by_participant=author)


def revise_goal(*, goal: Goal, user, version: int, key: uuid.UUID, what: str, why: str, how_we_know: str) -> Goal:
    """A facilitator changes a goal, locked or not (version-checked; kept as a revision)."""
    return _write({"pk": goal.pk}, version=version, key=key, unlocked_only=False, by_user=user,
                  texts={"what": what, "why": why, "how_we_know": how_we_know})


@transaction.atomic
def lock_goal(*, goal: Goal, user, locked: bool = True) -> Goal:
    """Lock the goal (members can no longer change it) or open it again; pushes every screen."""
    Goal.objects.filter(pk=goal.pk).update(locked_at=timezone.now() if locked else None,
                                           locked_by=user if locked else None)
    goal = Goal.objects.get(pk=goal.pk)
    _publish(goal, room=True)
    return goal


@transaction.atomic
def hide_goal(*, goal: Goal, hidden: bool = True) -> Goal:
    """Hide the goal from the projector and the phones (or show it again); pushes every screen."""
    Goal.objects.filter(pk=goal.pk).update(hidden=hidden)
    goal.hidden = hidden
    _publish(goal, room=True)
    return goal


def _handshake_frames(goal_id: int):
    goal = Goal.objects.select_related("group").get(pk=goal_id)
    item = goal_screens.current_item(goal.seminar_id)
    if item is None:
        return
    if getattr(goal_screens.shown_goal(item), "pk", None) == goal.pk:
        for language, frame in selectors.per_language(lambda: goal_screens.handshakes_box(goal)):
            yield f"projector-{language}", frame
    for language, frame in selectors.per_language(lambda: goal_screens.tablet_section(item)):
        yield f"facilitator-{language}", frame


def shake_hands(*, goal: Goal, participant: Participant) -> bool:
    """The participant's handshake on a goal: once per person per goal (a repeat changes nothing).

    Returns whether a new handshake was stored. Pushes the handshakes to the projector
    (when it shows this goal) and the counts to the tablets; phones only get their own mark.
    """
    if goal.seminar_id != participant.seminar_id or goal.hidden:
        raise NotOpen
    try:
        with transaction.atomic():
            Handshake.objects.create(goal=goal, participant=participant)
            live.publish(goal.seminar_id, lambda: _handshake_frames(goal.pk))
    except IntegrityError:  # shaken already: once per person per goal
        return False
    return True
