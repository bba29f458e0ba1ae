"""Frames on their way out: rendered on one thread after commit, sent in order by one task.

Inside a server the request does not wait for its frames: after commit they are rendered
on one renderer thread (in commit order) and handed to the *outbox* task on the server's
event loop, which writes each to this process's sockets (through the relay) and queues it
for the other processes (the relay's broker), one after the other. Outside a server
(tests, commands, the shell) frames are rendered and sent synchronously.
"""

import asyncio
import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import suppress

from asgiref.sync import async_to_sync
from django.conf import settings
from django.db import connections

from seminar.live import transport, turns
from seminar.live.audiences import group_name
from seminar.live.control import CONTROL
from seminar.live.relay import get_relay

log = logging.getLogger(__name__)

Render = Callable[[], Iterable[tuple[str, str]]]

# One thread renders every frame after commit: frames leave in commit order, and no
# request (the facilitator's next click) waits behind another's rendering.
renderer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-render")


def render_and_send(seminar_id: int, render: Render) -> None:
    try:
        for audience, frame in render():
            send_now(seminar_id, audience, frame)
    except Exception:  # a push is a hint; the state is in the database
        log.exception("rendering live frames for seminar %s failed", seminar_id)


def render_off_request(outbox: "Outbox", seminar_id: int, render: Render,
                       answered: threading.Event | None = None) -> None:
    """On the renderer thread: each frame goes to the outbox as soon as it is rendered.

    First the request that committed gets its answer (turns.ANSWER_FIRST_SECONDS at most).

    The next frame is rendered only once this process's sockets have had the previous
    one (an instruction such as RESYNC excepted: there may be one per phone, and they
    are cheap to deliver).
    Rendering and writing share one interpreter lock: a render running beside a
    fan-out would not make it faster, only slower (each socket write gives the lock up
    and waits up to the switch interval to get it back). So the audiences a render
    yields first (the phones) are served first, whole.
    """
    if answered is not None:
        answered.wait(turns.ANSWER_FIRST_SECONDS)
    frames = iter(render())
    delivered = None
    turns.foreground.__enter__()
    try:
        while True:
            if delivered is not None:
                with suppress(FutureTimeout):
                    delivered.result(timeout=settings.LIVE_SEND_TIMEOUT_SECONDS)
            try:
                audience, frame = next(frames)
            except StopIteration:
                break
            delivered = outbox.put(group_name(seminar_id, audience), frame)
            if frame.startswith(CONTROL):  # an instruction, cheap to deliver: the next one at once
                delivered = None
    except Exception:
        log.exception("rendering live frames for seminar %s failed", seminar_id)
    finally:
        turns.foreground.__exit__()
        connections.close_all()  # this thread's connections; CONN_MAX_AGE is 0 under ASGI


def send_now(seminar_id: int, audience: str, frame: str) -> None:
    """Send an already rendered frame from sync code; never raises, never hangs.

    In a server the frame is queued on the outbox and this returns at once.
    """
    outbox = current_outbox()
    if outbox is not None:
        outbox.put(group_name(seminar_id, audience), frame)
        return
    try:
        async_to_sync(transport.send_frame)(group_name(seminar_id, audience), frame)
    except Exception:  # a push is a hint; the state is in the database
        log.exception("live push to %s failed", audience)


class Outbox:
    """Frames on their way out, sent in order by one task on the server loop.

    Each frame is queued for the relay's broker (unless the layer is process-local), which
    publishes it for the other processes on a task of its own, and written by this
    process's relay to the local sockets without a round trip: a Redis that refuses or
    hangs delays no local socket. `put` may be called from any thread and never
    waits; its future is done once the local sockets have the frame. What cannot reach
    the layer is noted, and healed by resyncs once Redis answers again (seminar.live.broker).
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.queue: asyncio.Queue[tuple[str, str, Future]] = asyncio.Queue()
        self.task = loop.create_task(self._run())

    def put(self, group: str, frame: str) -> Future:
        delivered: Future = Future()
        self.loop.call_soon_threadsafe(self.queue.put_nowait, (group, frame, delivered))
        return delivered

    @property
    def local(self) -> bool:
        """Whether the channel layer is this process's own: no other process has screens."""
        return transport.is_local()

    @property
    def usable(self) -> bool:
        return self.loop.is_running() and not self.loop.is_closed() and not self.task.done()

    async def _run(self) -> None:
        while True:
            group, frame, delivered = await self.queue.get()
            try:
                relay = get_relay()
                # Queued for the broker's own task, which publishes it for the other workers
                # while these sockets are written to (it runs when the fan-out yields): a
                # Redis that refuses or hangs never delays or drops the local delivery. A
                # process-local layer reaches no one but this relay: no broker (it would
                # walk every channel and group, one per phone, on each send and receive).
                if relay.broker is not None:
                    relay.broker.publish(group, frame)
                await relay.deliver(group, frame)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("live push to %s failed", group)
            finally:
                delivered.set_result(None)


_outbox: Outbox | None = None


def attach_loop() -> None:
    """Called on the server's event loop (by the ASGI application): publish through it."""
    global _outbox
    loop = asyncio.get_running_loop()
    if _outbox is None or _outbox.loop is not loop or not _outbox.usable:
        _outbox = Outbox(loop)


def detach_loop() -> Outbox | None:
    """Publish through no loop from now on (tests' server loops); returns the outbox there was."""
    global _outbox
    outbox, _outbox = _outbox, None
    return outbox


def current_outbox() -> Outbox | None:
    """The running server loop's outbox, or None outside a server (tests, commands)."""
    outbox = _outbox
    return outbox if outbox is not None and outbox.usable else None
