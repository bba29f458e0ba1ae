import datetime as dt

from django.utils import timezone

from program import selectors
from tests import factories


def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return timezone.make_aware(
        dt.datetime.combine(day, dt.time(hour, minute)), timezone.get_default_timezone()
    )


def test_delay_counts_a_late_start_and_an_overrun(seminar):
    item = factories.items(seminar)[1]  # Velkommen 08:15, 30 minutes
    item.actual_start = at(item.day.date, 8, 25)

    assert selectors.delay_minutes(item, at(item.day.date, 8, 40)) == 10
    assert selectors.delay_minutes(item, at(item.day.date, 9, 5)) == 20


def test_delay_follows_a_shift_and_can_be_ahead(seminar):
    item = factories.items(seminar)[1]
    item.shift_minutes = 15
    item.actual_start = at(item.day.date, 8, 20)

    assert selectors.delay_minutes(item, at(item.day.date, 8, 21)) == -10


def test_no_delay_on_another_date_than_the_items_day(seminar):
    item = factories.items(seminar)[1]
    item.actual_start = at(item.day.date + dt.timedelta(days=3), 23, 0)

    assert selectors.delay_minutes(item, item.actual_start) is None


def test_countdown_remaining_comes_from_the_server_clock(seminar):
    state = selectors.live_state(seminar)
    now = timezone.now()
    state.timer_ends_at = now + dt.timedelta(seconds=90)

    assert selectors.timer_remaining_ms(state, now) == 90_000
    assert selectors.timer_remaining_ms(state, now + dt.timedelta(minutes=5)) == 0
    state.timer_ends_at, state.timer_remaining = None, 300
    assert selectors.timer_remaining_ms(state, now) == 300_000
