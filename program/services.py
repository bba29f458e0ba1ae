"""Every change to the live state. The only writer of `LiveState` and of actual starts.

Each function claims the next version of the seminar's live state (checking the
version the facilitator acted on where the action depends on it), saves, and
publishes the new state to every screen after commit.
"""

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from program import screens, timers
from program.models import AgendaItem, LiveState
from seminar.models import Seminar

MAX_SHIFT_MINUTES = 240


class StaleVersion(Exception):
    """The facilitator acted on a state that another tablet has changed since."""


class NotPossible(Exception):
    """The action makes no sense in the current state (no next item, no current item...)."""


def _lock(seminar: Seminar, version: int | None) -> LiveState:
    """Claim the next version of the live state, or raise StaleVersion.

    A compare-and-set on the version is the first statement of the transaction: it
    takes the row's write lock (PostgreSQL) or the database's (SQLite), so two
    tablets pressing "Næste" at once move the program one step, never two.
    """
    rows = LiveState.objects.filter(seminar=seminar)
    if version is not None:
        rows = rows.filter(version=version)
    if rows.update(version=F("version") + 1) == 0:
        _, created = LiveState.objects.get_or_create(seminar=seminar)
        if not created or version not in (None, 1):
            raise StaleVersion
        LiveState.objects.filter(seminar=seminar).update(version=F("version") + 1)
    return (
        LiveState.objects.select_for_update(of=("self",))
        .select_related("item__day")
        .get(seminar=seminar)
    )


def _save(state: LiveState) -> LiveState:
    state.save()
    screens.publish_room(state.seminar_id)
    return state


def _ordered_ids(seminar: Seminar) -> list[int]:
    return list(AgendaItem.objects.for_seminar(seminar).values_list("pk", flat=True))


def _go_to(state: LiveState, item: AgendaItem, now: dt.datetime) -> None:
    # Onto an item whose phones each show something of their own; off one, the room's
    # frame empties those parts by itself (screens.render_room).
    if screens.has_person_regions(item):
        screens.resync_phones(state.seminar_id)
    state.item = item
    state.timer_ends_at = None
    state.timer_remaining = item.minutes * 60 if item.minutes else None
    # A new item is what the room should see: the join screen, "find your group", a message
    # or a dark screen belonged to the item before (they showed over the next plenary).
    state.projector = LiveState.Projector.ITEM
    # The first start is the one that counts for lateness; going back does not rewrite it.
    if item.actual_start is None:
        item.actual_start = now
        item.save(update_fields=["actual_start"])


@transaction.atomic
def step(*, seminar: Seminar, version: int, forward: bool) -> LiveState:
    """Move the program one item forward ("Næste") or back. Publishes the room state."""
    state = _lock(seminar, version)
    ids = _ordered_ids(seminar)
    if state.item_id is None:
        if not forward or not ids:
            raise NotPossible
        target = 0
    else:
        target = ids.index(state.item_id) + (1 if forward else -1)
        if not 0 <= target < len(ids):
            raise NotPossible
    _go_to(state, AgendaItem.objects.get(pk=ids[target]), timezone.now())
    return _save(state)


@transaction.atomic
def jump(*, seminar: Seminar, version: int, item: AgendaItem) -> LiveState:
    """Make any item of the seminar the current one. Publishes the room state."""
    state = _lock(seminar, version)
    if item.day.seminar_id != seminar.pk:
        raise NotPossible
    _go_to(state, item, timezone.now())
    return _save(state)


@transaction.atomic
def start_timer(*, seminar: Seminar, version: int) -> LiveState:
    """Start or resume the room's countdown. Publishes the room state."""
    state = _lock(seminar, version)
    if state.timer_ends_at is not None:
        raise NotPossible
    if not state.timer_remaining:
        raise NotPossible
    state.timer_ends_at = timezone.now() + dt.timedelta(seconds=state.timer_remaining)
    state.timer_remaining = None
    timers.schedule(state)
    return _save(state)


@transaction.atomic
def pause_timer(*, seminar: Seminar, version: int) -> LiveState:
    """Stop the countdown where it is. Publishes the room state."""
    state = _lock(seminar, version)
    if state.timer_ends_at is None:
        raise NotPossible
    left = (state.timer_ends_at - timezone.now()).total_seconds()
    state.timer_remaining = max(0, round(left))
    state.timer_ends_at = None
    return _save(state)


@transaction.atomic
def add_timer_minutes(*, seminar: Seminar, version: int, minutes: int) -> LiveState:
    """Give the countdown more (or, negative, less) time. Publishes the room state."""
    state = _lock(seminar, version)
    delta = dt.timedelta(minutes=minutes)
    if state.timer_ends_at is not None:
        state.timer_ends_at = max(timezone.now(), state.timer_ends_at + delta)
        timers.schedule(state)
    else:
        state.timer_remaining = max(0, (state.timer_remaining or 0) + minutes * 60)
    return _save(state)


@transaction.atomic
def shift_rest_of_day(*, seminar: Seminar, minutes: int) -> int:
    """Move every item after the current one, on the current day, by `minutes`.

    Returns how many items moved. Publishes the room state (the "next at" times change).
    """
    if minutes == 0 or abs(minutes) > MAX_SHIFT_MINUTES:
        raise NotPossible
    state = _lock(seminar, None)
    if state.item is None:
        raise NotPossible
    later = AgendaItem.objects.filter(day=state.item.day, position__gt=state.item.position)
    moved = 0
    for item in later:
        item.shift_minutes += minutes
        item.save(update_fields=["shift_minutes"])
        moved += 1
    _save(state)
    return moved


@transaction.atomic
def show_on_projector(*, seminar: Seminar, mode: str, message: str = "") -> LiveState:
    """Choose what the projector shows (item, join screen, message, blank)."""
    state = _lock(seminar, None)
    if mode not in LiveState.Projector.values:
        raise NotPossible
    if mode == LiveState.Projector.MESSAGE:
        if not message.strip():
            raise NotPossible
        state.message = message.strip()
    state.projector = mode
    return _save(state)


@transaction.atomic
def reveal(*, seminar: Seminar, item: AgendaItem) -> LiveState:
    """Make a hidden item's content visible on every screen."""
    state = _lock(seminar, None)
    if item.day.seminar_id != seminar.pk or not item.is_hidden:
        raise NotPossible
    item.revealed_at = timezone.now()
    item.save(update_fields=["revealed_at"])
    return _save(state)


# What a facilitator may change in an item from the tablet (its place in the program and its
# kind stay the program file's).
ITEM_TEXTS = ("title", "text", "notes", "leads", "place", "returns_at")


@transaction.atomic
def edit_item(*, item: AgendaItem, changes: dict) -> AgendaItem:
    """Change an item's texts (a hidden item's too, before its reveal).

    Saves the item and claims a new live version, so every screen gets the room again.
    """
    if set(changes) - set(ITEM_TEXTS):
        raise NotPossible
    state = _lock(item.day.seminar, None)
    for name, value in changes.items():
        setattr(item, name, value)
    item.save(update_fields=list(changes))
    _save(state)
    return item
