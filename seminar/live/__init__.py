"""The live layer's one door: screens register here, services publish through here.

A *screen* (projector, phone, tablet) knows which audiences a viewer belongs to and
how to render the full current state for that viewer. Services call `publish()` inside
their transaction; the frame is rendered and sent only after commit, once per
audience, to the group `seminar-<id>-<audience>`. A push is a hint: every socket gets
the full state again when it (re)connects.

Inside the server the request does not wait for any of that: after commit, the frames
are rendered on one renderer thread (in commit order) and handed to an *outbox* task on
the server's event loop, which writes each to this process's sockets (through the relay)
and passes it to the channel layer for the other processes, one after the other.
So a facilitator's click is answered as soon as its transaction commits, whatever the
number of screens. Outside a server (tests, commands, the shell) frames are rendered
and sent synchronously, as before. docs/live.md has the figures.
"""

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import suppress
from dataclasses import dataclass
from typing import Protocol

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connections, transaction

from seminar.languages import language_codes
from seminar.live import audiences

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Viewer:
    """Who is looking at a screen: its role and, for a phone, the participant."""

    seminar_id: int
    role: str
    language: str
    participant_id: int | None = None
    user_id: int | None = None


class Screen(Protocol):
    role: str

    def audiences(self, viewer: Viewer) -> list[str]: ...

    def snapshot(self, viewer: Viewer) -> str: ...


_SCREENS: dict[str, Screen] = {}

# Sent instead of a frame when what a screen may see has changed (a person moved to
# another group): the consumer works out its audiences again and sends a full snapshot.
RESYNC = "\x00resync"
# Sent when only a phone's own part has changed (the program moved onto an item where each
# phone shows something of its own): the room's frame of the same change carries the rest,
# so the consumer sends the own part alone, rendered in batches (`own_parts`).
RESYNC_OWN = "\x00resync-own"
CONTROL = "\x00"  # frames that start with it are instructions to the consumer, never HTML


def register_screen(screen: Screen) -> None:
    _SCREENS[screen.role] = screen


def screen_for(role: str) -> Screen | None:
    return _SCREENS.get(role)


group_name = audiences.group_name


Render = Callable[[], Iterable[tuple[str, str]]]


def publish(seminar_id: int, render: Render, *, behind: bool = False) -> None:
    """After the current transaction commits, render frames and send each to its audience.

    `render` yields (audience, frame) pairs; it runs after commit, so it reads the
    committed state and a rolled-back change is never shown. In a server it runs on the
    renderer thread and the caller does not wait for it. With `behind`, it goes after
    what the same commit publishes later (a resync of every phone after the room's
    frames: the room should not wait for it).
    """

    def after_commit() -> None:
        outbox = current_outbox()
        if outbox is None:
            render_and_send(seminar_id, render)
        elif behind:
            _renderer.submit(_requeue, outbox, seminar_id, render, current_answer())
        else:
            _renderer.submit(render_off_request, outbox, seminar_id, render, current_answer())

    transaction.on_commit(after_commit)


def _requeue(outbox: "Outbox", seminar_id: int, render: Render, answered: threading.Event | None) -> None:
    """On the renderer thread: queue the job again, behind those submitted with it.

    The same commit's later callbacks ran right after this job was submitted, in the
    thread that committed; by the time the renderer gets here they are queued.
    """
    _renderer.submit(render_off_request, outbox, seminar_id, render, answered)


# The request whose commit published frames is answered before they are rendered (at most
# this long): rendered side by side, the two share the interpreter lock a millisecond at a
# time and both finish late. One after the other, a facilitator's "Næste" was answered
# sooner and the phones' frame rendered in 12 ms instead of 27 (bench/fanout.py --probe).
ANSWER_FIRST_SECONDS = 0.1
_answering = threading.local()


class Answering:
    """Marks the current thread's request as being answered (see seminar.middleware)."""

    def __enter__(self) -> threading.Event:
        self.done = _answering.done = threading.Event()
        return self.done

    def __exit__(self, *exc) -> None:
        _answering.done = None
        self.done.set()


def current_answer() -> threading.Event | None:
    """Set once the request this thread is answering has its response (None outside one)."""
    return getattr(_answering, "done", None)


_latest_lock = threading.Lock()
_scheduled: set[str] = set()  # keys with a render submitted or on a timer, not yet begun
_rendered_at: dict[str, float] = {}


def publish_latest(seminar_id: int, key: str, render: Render) -> None:
    """Like `publish`, for a region whose newest state is all that matters (an idea wall).

    Every call with the same `key` must render the same region (from the database, at
    render time). After a commit, a render of the key is scheduled unless one is already
    waiting to begin (that one reads the newer state); and a key is rendered at most once
    every LIVE_LATEST_EVERY_SECONDS, later renders waiting on a timer. A burst of 500 ideas
    in ten seconds thus renders the wall about twenty times, not 500: rendering it (two
    languages, projector and tablets) took 50 ms, as much as ten requests (docs/live.md).
    Per process; no commit is left unshown, since its render begins after it.
    """
    every = settings.LIVE_LATEST_EVERY_SECONDS

    def begin(outbox: "Outbox", answered: threading.Event | None = None) -> None:
        with _latest_lock:
            _scheduled.discard(key)  # before reading: a commit from now on schedules another
            _rendered_at[key] = time.monotonic()
        if not outbox.usable:  # the loop it was meant for stopped while the render waited
            outbox = current_outbox()
            if outbox is None:
                return
        render_off_request(outbox, seminar_id, render, answered)

    def after_commit() -> None:
        outbox = current_outbox()
        if outbox is None:
            render_and_send(seminar_id, render)
            return
        with _latest_lock:
            if key in _scheduled:
                return
            _scheduled.add(key)
            wait = _rendered_at.get(key, -every) + every - time.monotonic()
        if wait > 0:
            timer = threading.Timer(wait, _renderer.submit, (begin, outbox))
            timer.daemon = True
            timer.start()
        else:
            _renderer.submit(begin, outbox, current_answer())

    transaction.on_commit(after_commit)


def listened(seminar_id: int, audience: str) -> bool:
    """Whether a frame for `audience` may reach a screen; False only when it certainly cannot.

    Renders skip the audiences no screen receives (the English frames while every phone
    reads Danish, the tablets' while none is open): a screen that connects later joins
    its groups first and then renders its own snapshot from the database, so it misses
    nothing. Certain only in a server: on a process-local channel layer (the embedded
    default) this process's relay holds every socket there is; on Redis, Redis counts
    each group's subscribers, one per process holding a socket of it
    (`seminar.listeners`). Anything else counts as listened.
    """
    return listening(seminar_id, [audience])[0]


def listening(seminar_id: int, audiences: list[str]) -> list[bool]:
    """`listened` for several audiences at once (one question to Redis, if any)."""
    outbox = current_outbox()
    if outbox is None:
        return [True] * len(audiences)
    from seminar.relay import relay_of

    relay = relay_of(outbox.loop)
    groups = [group_name(seminar_id, audience) for audience in audiences]
    here = [relay is not None and group in relay.members for group in groups]
    if outbox.local or all(here):
        return here
    # This process's own sockets count whatever Redis says (its subscription may be
    # reconnecting); Redis is asked about the others.
    from seminar import listeners

    elsewhere = listeners.subscribed([group for group, local in zip(groups, here, strict=True) if not local])
    if elsewhere is None:
        return [True] * len(audiences)
    answers = iter(elsewhere)
    return [local or next(answers) for local in here]


def skippable(group: str) -> bool:
    """Whether renders may skip the group's frames when no screen listens (`listening`):
    every group but a person's own, whose pushes are never skipped."""
    return not audiences.is_personal(audiences.audience_of(group))


def languages_listened(seminar_id: int, audience: str) -> list[str]:
    """The language codes whose `<audience>-<code>` may reach a screen (see `listened`)."""
    codes = language_codes()
    heard = listening(seminar_id, [f"{audience}-{code}" for code in codes])
    return [code for code, yes in zip(codes, heard, strict=True) if yes]


def render_and_send(seminar_id: int, render: Render) -> None:
    try:
        for audience, frame in render():
            send_now(seminar_id, audience, frame)
    except Exception:  # a push is a hint; the state is in the database
        log.exception("rendering live frames for seminar %s failed", seminar_id)


def render_off_request(outbox: "Outbox", seminar_id: int, render: Render,
                       answered: threading.Event | None = None) -> None:
    """On the renderer thread: each frame goes to the outbox as soon as it is rendered.

    First the request that committed gets its answer (ANSWER_FIRST_SECONDS at most).

    The next frame is rendered only once this process's sockets have had the previous
    one (an instruction such as RESYNC excepted: there may be one per phone, and they
    are cheap to deliver).
    Rendering and writing share one interpreter lock: a render running beside a
    fan-out would not make it faster, only slower (each socket write gives the lock up
    and waits up to the switch interval to get it back). So the audiences a render
    yields first (the phones) are served first, whole.
    """
    if answered is not None:
        answered.wait(ANSWER_FIRST_SECONDS)
    frames = iter(render())
    delivered = None
    foreground.__enter__()
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
            if frame.startswith(CONTROL):  # an instruction, cheap to deliver: send the next one at once
                delivered = None
    except Exception:
        log.exception("rendering live frames for seminar %s failed", seminar_id)
    finally:
        foreground.__exit__()
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
        async_to_sync(send_frame)(group_name(seminar_id, audience), frame)
    except Exception:  # a push is a hint; the state is in the database
        log.exception("live push to %s failed", audience)


async def send_frame(group: str, frame: str, origin: str | None = None) -> bool:
    """To every process's relay; the relay whose channel is `origin` has had it already.

    Never raises: False when the layer refused, failed or did not answer in time.
    """
    layer = get_channel_layer()
    message = {"type": "relay.frame", "group": group, "frame": frame, "origin": origin}
    try:
        await asyncio.wait_for(layer.group_send(group, message), settings.LIVE_SEND_TIMEOUT_SECONDS)
        return True
    except TimeoutError:
        log.warning("live push to %s timed out", group)
    except Exception as error:  # Redis refused or dropped the connection
        log.warning("live push to %s failed: %r", group, error)
    return False


# One thread renders every frame after commit: frames leave in commit order, and no
# request (the facilitator's next click) waits behind another's rendering.
_renderer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-render")


class Foreground:
    """Work someone is waiting for: an HTTP request being answered, frames being rendered.

    Counted by the ASGI application and the renderer. Background work (a resync of every
    phone) takes its turns between, so a click and the room's frames do not share the
    interpreter lock with it.
    """

    def __init__(self) -> None:
        self._count = 0
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        with self._lock:
            self._count += 1

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._count -= 1

    @property
    def busy(self) -> bool:
        return self._count > 0


foreground = Foreground()


async def background_turn(limit: float = 2.0) -> None:
    """Wait until no foreground work is under way (at most `limit` seconds)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while foreground.busy and loop.time() < deadline:
        await asyncio.sleep(0.005)


class Outbox:
    """Frames on their way out, sent in order by one task on the server loop.

    Each frame is queued for the relay's broker (unless the layer is process-local), which
    publishes it for the other processes on a task of its own, and written by this
    process's relay to the local sockets without a round trip: a Redis that refuses or
    hangs delays no local socket. `put` may be called from any thread and never
    waits; its future is done once the local sockets have the frame. What cannot reach
    the layer is noted, and healed by resyncs once Redis answers again (seminar.broker).
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
        from channels.layers import InMemoryChannelLayer

        return isinstance(get_channel_layer(), InMemoryChannelLayer)

    @property
    def usable(self) -> bool:
        return self.loop.is_running() and not self.loop.is_closed() and not self.task.done()

    async def _run(self) -> None:
        from seminar.relay import get_relay

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


def current_outbox() -> Outbox | None:
    """The running server loop's outbox, or None outside a server (tests, commands)."""
    outbox = _outbox
    return outbox if outbox is not None and outbox.usable else None
