"""One subscription per process that writes each pre-rendered frame to its local sockets.

A plain Channels group holds one channel per socket, so a broadcast to N screens costs
N layer messages and N consumer dispatches (and O(N²) in the in-memory layer). Here
each process joins a group once, with its own relay channel, and writes the frame
straight to the sockets it holds.

Under daphne a socket's *wire* (its autobahn protocol) is known: the frame is then
framed once per fan-out and the same bytes are written to every open socket
(`seminar.live.wire`). Elsewhere (the test communicator, another server, the fast path
off or not possible) the socket's async `send` is awaited. docs/live.md gives the
figures behind this. The channel layer is reached through the transport only.
"""

import asyncio
import gc
import logging
import weakref
from collections.abc import Awaitable, Callable

from seminar.live import audiences, transport
from seminar.live.broker import CALL_SECONDS, Broker
from seminar.live.control import CONTROL, RESYNC
from seminar.live.wire import prepare, write_prepared

log = logging.getLogger(__name__)

Send = Callable[[str], Awaitable[None]]

# Yield to the event loop between slices of a fan-out so that HTTP requests
# (a facilitator's next click) are not held up behind thousands of writes. A slice of
# 50 direct writes takes about 1 ms; the answer to a click needs several loop turns.
SLICE = 50
# channels_redis forgets group members after group_expiry (a day); re-join well before.
REJOIN_SECONDS = 3600
# The collector's full collections walk every object of every open socket: with 2,000
# phones one took 440 ms in bench/fanout.py, stalling the fan-out it fell into. Once a
# process holds sockets it runs none on its own (young collections go on as usual);
# the relay runs one when no fan-out has happened for GC_QUIET_SECONDS, at most every
# GC_EVERY_SECONDS, and after GC_LATEST_SECONDS in any case.
GC_EVERY_SECONDS = 300
GC_QUIET_SECONDS = 3
GC_LATEST_SECONDS = 1800
FANOUT = 100  # a delivery to this many local sockets counts as a fan-out


def skippable(group: str) -> bool:
    """Whether renders may skip the group's frames when no screen listens (`live.listening`):
    every group but a person's own, whose pushes are never skipped."""
    return not audiences.is_personal(audiences.audience_of(group))


class Relay:
    def __init__(self) -> None:
        self.layer = transport.Layer()
        # A shared layer (Redis) may falter: calls to it are bounded and watched (broker.py).
        self.broker = None if self.layer.local else Broker(self)
        self._started = False
        self.members: dict[str, dict[object, tuple[Send, object | None]]] = {}
        self.channel: str | None = None
        self._lock = asyncio.Lock()
        self._opening = asyncio.Lock()
        self._tasks: list[asyncio.Task] = []
        self.last_fanout = 0.0
        self.confirmer = transport.Confirmer()
        self._confirming: dict[str, asyncio.Future] = {}

    async def join(self, group: str, key: object, send: Send, wire: object | None = None) -> None:
        """Deliver the group's frames to this socket: to `wire` directly if given, else via `send`.

        While `key.held` is a list (the socket's snapshot is being rendered), frames are
        appended to it instead; the socket sends them after its snapshot.
        """
        async with self._lock:
            await self.start()
            local = self.members.setdefault(group, {})
            # Without Redis the socket still joins here: it gets this worker's frames, and
            # the broker subscribes the group (and resyncs the socket) once Redis answers.
            if not local and await self._subscribe(group) and skippable(group):
                self._confirming[group] = asyncio.ensure_future(self.confirmer.confirm(group))
            local[key] = (send, wire)
            confirming = self._confirming.get(group)
        if confirming is not None:
            # Other workers' renders may skip the group until Redis counts this process's
            # subscription; the socket renders its snapshot only after that. Outside the
            # lock: other joins and leaves go on meanwhile.
            await asyncio.shield(confirming)
            if self._confirming.get(group) is confirming:
                del self._confirming[group]

    async def leave(self, group: str, key: object) -> None:
        async with self._lock:
            local = self.members.get(group)
            if local is None or key not in local:
                return
            del local[key]
            if not local:
                del self.members[group]
                if self.channel is not None:
                    await self._layer_call(self.layer.unsubscribe(group, self.channel),
                                           "an unsubscribe")

    async def deliver(self, group: str, frame: str) -> int:
        """Write a frame to every local socket of a group; returns how many were written."""
        targets = list(self.members.get(group, {}).items())
        prepared = None
        control = frame.startswith(CONTROL)  # for the consumer (RESYNC), not the wire
        for index, (key, (send, wire)) in enumerate(targets, start=1):
            held = getattr(key, "held", None)
            try:
                if held is not None and not control:  # a snapshot is on its way: after it (`held`)
                    held.append(frame)
                elif wire is None or control:
                    await send(frame)
                elif wire.state == wire.STATE_OPEN:  # closing or closed sockets get nothing
                    if prepared is None:
                        prepared = prepare(frame)
                    write_prepared(wire, prepared)
            except Exception:  # one broken socket must not starve the others
                log.debug("relay write failed", exc_info=True)
            if index % SLICE == 0:
                await asyncio.sleep(0)
        if len(targets) >= FANOUT:
            self.last_fanout = asyncio.get_running_loop().time()
        return len(targets)

    async def start(self) -> None:
        """Open this process's channel and start the relay's tasks (once, at the first join)."""
        if self._started:
            return
        self._started = True
        self._tasks.append(asyncio.create_task(self._collect()))
        if self.broker is not None:
            self.broker.start()
        await self.open_channel()

    async def open_channel(self) -> bool:
        """Open this process's relay channel; False while the layer cannot (the broker retries)."""
        async with self._opening:
            if self.channel is not None:
                return True
            if self.broker is None:
                channel = await self.layer.open()
            else:
                try:
                    channel = await asyncio.wait_for(self.layer.open(), CALL_SECONDS)
                except Exception:
                    log.debug("opening the relay channel failed", exc_info=True)
                    self.broker.failed("the relay channel could not be opened")
                    return False
            self.channel = channel
            self._tasks += [asyncio.create_task(self._receive()),
                            asyncio.create_task(self._rejoin())]
            return True

    async def _layer_call(self, awaitable, why: str) -> bool:
        if self.broker is None:
            await awaitable
            return True
        return await self.broker.call(awaitable, why)

    async def _subscribe(self, group: str) -> bool:
        # While the link is cut, joins do not wait on Redis, one after the other under the
        # lock: the broker's heal subscribes every group then.
        if self.channel is None or (self.broker is not None and self.broker.cut_off):
            return False
        return await self._layer_call(self.layer.subscribe(group, self.channel), "a subscribe")

    async def resync_all(self) -> int:
        """Tell every socket of this process to resync (RESYNC); returns how many."""
        sends = {}
        for local in self.members.values():
            for key, (send, _) in local.items():
                sends.setdefault(key, send)
        for send in sends.values():
            try:
                await send(RESYNC)
            except Exception:
                log.debug("resync request failed", exc_info=True)
        return len(sends)

    async def _receive(self) -> None:
        while True:
            try:
                message = await self.layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("relay receive failed; retrying")
                await asyncio.sleep(1)
                continue
            if message.get("type") == transport.FRAME and message.get("origin") != self.channel:
                await self.deliver(message["group"], message["frame"])
            elif message.get("type") == transport.PING and self.broker is not None:
                self.broker.pong(message.get("seq"))

    async def _rejoin(self) -> None:
        while True:
            await asyncio.sleep(REJOIN_SECONDS)
            for group in list(self.members):
                await self._subscribe(group)

    async def _collect(self) -> None:
        """Full collections only between fan-outs (see GC_EVERY_SECONDS)."""
        thresholds = gc.get_threshold()
        gc.set_threshold(thresholds[0], thresholds[1], 2**31 - 1)  # no automatic full collection
        loop = asyncio.get_running_loop()
        last = loop.time()
        try:
            while True:
                await asyncio.sleep(1)
                now = loop.time()
                quiet = now - self.last_fanout >= GC_QUIET_SECONDS
                if (quiet and now - last >= GC_EVERY_SECONDS) or now - last >= GC_LATEST_SECONDS:
                    gc.collect()
                    last = loop.time()
        finally:  # the loop ends (tests): the process collects on its own again
            gc.set_threshold(*thresholds)


_relays: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Relay]" = weakref.WeakKeyDictionary()


def get_relay() -> Relay:
    """The relay of the running event loop (one per process in production)."""
    loop = asyncio.get_running_loop()
    relay = _relays.get(loop)
    if relay is None:
        relay = _relays[loop] = Relay()
    return relay


def relay_of(loop: asyncio.AbstractEventLoop) -> Relay | None:
    """The relay of a given loop, if it has one yet (from any thread)."""
    return _relays.get(loop)
