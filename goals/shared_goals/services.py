"""The big groups' shared goals: edits with a version check, lock, revisions, hiding, handshakes."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from goals import selectors
from goals.models import Goal, GoalRevision, Handshake, Showing
from goals.services import Locked, NotAllowed, NotOpen, Stale
from goals.shared_goals import regions
from program import activities, screens
from program.models import AgendaItem
from seminar.models import Participant

WRITING = "goal_writing"


def _is_shown(item: AgendaItem, goal: Goal) -> bool:
    """Whether the projector's choice is this goal (shown, or hidden while chosen)."""
    shown = selectors.showing(item)
    return shown.what == Showing.What.GOAL and shown.ref == goal.pk


def _publish(goal: Goal, *, listed_elsewhere: bool = False) -> None:
    """The group's phones; while a goals item is on, the tablets, the plenum's list and (when it
    shows this goal) the projector.

    With `listed_elsewhere` (locking, hiding: which goals another item lists, such as the
    department plans' locked goals) and another item on, the room's frames go out instead.
    """
    activities.push(goal.item, regions.GROUP, target=goal.group)
    item = regions.current_item(goal.seminar_id)
    if item is None:
        if listed_elsewhere:
            screens.publish_room(goal.seminar_id)
        return
    chosen = [regions.TABLET, regions.PLENUM]
    if _is_shown(item, goal):
        chosen.append(regions.PROJECTED)
    declared = activities.get(item.kind).regions
    activities.push(item, *(region for region in chosen if region in declared))


def _write(
    lookup: dict,
    *,
    version: int,
    key: uuid.UUID,
    texts: dict,
    create: dict | None = None,
    unlocked_only: bool = True,
    by_participant=None,
    by_user=None,
) -> Goal:
    """The version-checked write, first statement of its transaction (see
    goals.services.store_versioned)."""
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
            GoalRevision.objects.create(
                goal=goal,
                version=goal.version,
                key=key,
                by_participant=by_participant,
                by_user=by_user,
                **texts,
            )
            _publish(goal)
            return goal
        if goal.revisions.filter(key=key).exists():  # this very save, retried
            return goal
        if goal.locked and unlocked_only:
            raise Locked
        raise Stale(goal)


def save_goal(
    *,
    item: AgendaItem,
    author: Participant,
    version: int,
    key: uuid.UUID,
    what: str,
    why: str,
    how_we_know: str,
) -> Goal:
    """A member saves their big group's goal (Stale when made on an older version, Locked after the
    lock).

    Keeps a GoalRevision per save; a retried save (same key) returns the goal unchanged.
    Pushes the group's phones, the tablets, the plenum's list and (when it shows the goal)
    the projector.
    """
    if item.kind != WRITING or item.day.seminar_id != author.seminar_id:
        raise NotOpen
    group = selectors.group_for(item, author)
    if group is None:
        raise NotAllowed
    return _write(
        {"group": group},
        version=version,
        key=key,
        texts={"what": what, "why": why, "how_we_know": how_we_know},
        create={"seminar_id": item.day.seminar_id, "item": item},
        by_participant=author,
    )


def revise_goal(
    *, goal: Goal, user, version: int, key: uuid.UUID, what: str, why: str, how_we_know: str
) -> Goal:
    """A facilitator changes a goal, locked or not (version-checked; kept as a revision)."""
    return _write(
        {"pk": goal.pk},
        version=version,
        key=key,
        unlocked_only=False,
        by_user=user,
        texts={"what": what, "why": why, "how_we_know": how_we_know},
    )


@transaction.atomic
def lock_goal(*, goal: Goal, user, locked: bool = True) -> Goal:
    """Lock the goal (members can no longer change it) or open it again; pushes its screens."""
    Goal.objects.filter(pk=goal.pk).update(
        locked_at=timezone.now() if locked else None, locked_by=user if locked else None
    )
    goal = Goal.objects.get(pk=goal.pk)
    _publish(goal, listed_elsewhere=True)
    return goal


@transaction.atomic
def hide_goal(*, goal: Goal, hidden: bool = True) -> Goal:
    """Hide the goal from the projector and the phones (or show it again); pushes its screens."""
    Goal.objects.filter(pk=goal.pk).update(hidden=hidden)
    goal.hidden = hidden
    _publish(goal, listed_elsewhere=True)
    return goal


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
            item = regions.current_item(goal.seminar_id)
            if item is not None:
                shown = getattr(regions.shown_goal(item), "pk", None) == goal.pk
                activities.push(item, regions.TABLET, *([regions.HANDSHAKES] if shown else []))
    except IntegrityError:  # shaken already: once per person per goal
        return False
    return True
