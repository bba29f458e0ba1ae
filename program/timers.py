"""When the room's countdown runs out, the current item's kind may act (the vernissage's rota).

Starting the countdown, or changing it while it runs, schedules a call on the server's
event loop for the moment it ends. Then, in a transaction, the live state is read again:
only if the same item is on and the countdown still ends then (not paused, changed or
left) is `ActivityKind.timer_ran_out` called. The worker that handled the click keeps the
schedule; if it restarts meanwhile, nothing happens by itself and the facilitator's
button still does it. Outside a server (tests, commands) nothing is scheduled.
"""

import datetime as dt
import logging

from django.db import connections, transaction
from django.utils import timezone

from program import activities
from program.models import LiveState
from seminar import live

log = logging.getLogger(__name__)


def schedule(state: LiveState) -> None:
    """After commit: when `state`'s running countdown ends, call `ran_out`."""
    if state.timer_ends_at is None or state.item_id is None:
        return
    kind = activities.get(state.item.kind) if activities.is_registered(state.item.kind) else None
    if kind is None or type(kind).timer_ran_out is activities.ActivityKind.timer_ran_out:
        return
    seminar_id, ends_at = state.seminar_id, state.timer_ends_at

    def after_commit() -> None:
        outbox = live.current_outbox()
        if outbox is None:
            return
        delay = max(0.0, (ends_at - timezone.now()).total_seconds())

        def fire() -> None:
            outbox.loop.run_in_executor(None, ran_out_off_request, seminar_id, ends_at)

        outbox.loop.call_soon_threadsafe(outbox.loop.call_later, delay, fire)

    transaction.on_commit(after_commit)


def ran_out_off_request(seminar_id: int, ends_at: dt.datetime) -> None:
    try:
        ran_out(seminar_id, ends_at)
    except Exception:
        log.exception("the countdown's end for seminar %s failed", seminar_id)
    finally:
        connections.close_all()  # this thread's connections; nothing else closes them


@transaction.atomic
def ran_out(seminar_id: int, ends_at: dt.datetime) -> bool:
    """If the countdown that ends at `ends_at` is still the room's, let the item's kind act."""
    state = (
        LiveState.objects.select_for_update(of=("self",))
        .select_related("item__day")
        .filter(seminar_id=seminar_id)
        .first()
    )
    if state is None or state.item is None or state.timer_ends_at != ends_at:
        return False
    if not activities.is_registered(state.item.kind):
        return False
    activities.get(state.item.kind).timer_ran_out(state.item, ends_at)
    return True
