"""Reads for the three screens: what is on, what comes next, the timer, the program."""

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby

from django.utils import timezone

from groups.models import Round
from program import activities
from program.models import AgendaItem, Day, LiveState
from seminar.models import Seminar


def live_state(seminar: Seminar) -> LiveState:
    state, _ = LiveState.objects.select_related("item__day").get_or_create(seminar=seminar)
    return state


def timer_remaining_ms(state: LiveState, now: dt.datetime) -> int | None:
    """Milliseconds left on the room's countdown, or None when no countdown is set.

    Screens count down from this figure with their own monotonic clock, so a device
    whose wall clock is wrong still shows the right time.
    """
    if state.timer_ends_at is not None:
        return max(0, int((state.timer_ends_at - now).total_seconds() * 1000))
    if state.timer_remaining is not None:
        return state.timer_remaining * 1000
    return None


def planned_datetime(item: AgendaItem) -> dt.datetime | None:
    if item.scheduled_start is None:
        return None
    naive = dt.datetime.combine(item.day.date, item.scheduled_start)
    return timezone.make_aware(naive, timezone.get_default_timezone())


def delay_minutes(item: AgendaItem | None, now: dt.datetime) -> int | None:
    """How far the room is behind the (shifted) schedule; negative when ahead.

    The current item's actual start against its scheduled start, plus any overrun of
    its planned duration. Only on the item's own day: a rehearsal on another date has
    no lateness to speak of.
    """
    if item is None or item.actual_start is None or item.scheduled_start is None:
        return None
    if timezone.localtime(item.actual_start).date() != item.day.date:
        return None
    late = (item.actual_start - planned_datetime(item)).total_seconds() / 60
    overrun = (now - item.actual_start).total_seconds() / 60 - item.minutes
    return round(late + max(0.0, overrun))


@dataclass
class Room:
    """Everything the room-wide screens show, computed once per render."""

    seminar: Seminar
    state: LiveState
    items: list[AgendaItem]
    now: dt.datetime
    current: AgendaItem | None = None
    next_item: AgendaItem | None = None
    days: list[tuple[Day, list[AgendaItem]]] = field(default_factory=list)

    @property
    def kind(self) -> activities.ActivityKind | None:
        return activities.get(self.current.kind) if self.current else None

    @property
    def timer_ms(self) -> int | None:
        return timer_remaining_ms(self.state, self.now)

    @property
    def timer_running(self) -> bool:
        return self.state.timer_ends_at is not None

    @property
    def delay(self) -> int | None:
        return delay_minutes(self.current, self.now)

    @property
    def grouping_on(self) -> bool:
        return bool(self.current and self.current.grouping_id)

    @property
    def ahead(self) -> int:
        return -self.delay if self.delay and self.delay < 0 else 0

    @property
    def version(self) -> int:
        return self.state.version

    @property
    def next_groups_unpublished(self) -> Round | None:
        """The round the next item uses, when it is not published (the tablet warns before "Next").

        An unsaved Round when it is not even formed. Read only where a template asks (the tablet).
        """
        item = self.next_item
        if item is None or item.grouping_id is None:
            return None
        round_ = Round.objects.filter(
            grouping_id=item.grouping_id, number=item.round_number
        ).first()
        if round_ is not None and round_.published_at is not None:
            return None
        return round_ or Round(grouping_id=item.grouping_id, number=item.round_number)


def room(seminar: Seminar) -> Room:
    state = live_state(seminar)
    items = list(AgendaItem.objects.for_seminar(seminar))
    current_id = state.item_id
    index = next((i for i, item in enumerate(items) if item.pk == current_id), None)
    return Room(
        seminar=seminar,
        state=state,
        items=items,
        now=timezone.now(),
        current=items[index] if index is not None else None,
        next_item=items[index + 1]
        if index is not None and index + 1 < len(items)
        else (items[0] if index is None and items else None),
        days=[(day, list(group)) for day, group in groupby(items, key=lambda item: item.day)],
    )
