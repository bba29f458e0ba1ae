"""One subscription per process that writes each pre-rendered frame to its local sockets.

A plain Channels group holds one channel per socket, so a broadcast to N screens costs
N layer messages and N consumer dispatches (and O(N²) in the in-memory layer). Here
each process joins a group once, with its own relay channel, and writes the frame
straight to the sockets it holds.

Under daphne a socket's *wire* (its autobahn protocol) is known: the frame is then
framed once per fan-out and the same bytes are written to every open socket, without
an ASGI message, a coroutine and a UTF-8 encoding per socket. Elsewhere (the test
communicator, another server) the socket's async `send` is awaited as before.
docs/live.md gives the figures behind this.
"""

import asyncio
import functools
import gc
import logging
import weakref
from collections.abc import Awaitable, Callable

from channels.layers import get_channel_layer

from seminar import live
from seminar.broker import CALL_SECONDS, PING, Broker
from seminar.listeners import Confirmer

log = logging.getLogger(__name__)

Send = Callable[[str], Awaitable[None]]

# Yield to the event loop between slices of a fan-out so that HTTP requests
# (a facilitator's next click) are not held up behind thousands of writes. A slice of
# 50 direct writes takes about 1 ms; the answer to a click needs several loop turns.
SLICE = 50
# Frames that start with NUL are instructions to the consumer (live.RESYNC), never HTML.
CONTROL = live.CONTROL

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


def wire_for(send: Callable) -> object | None:
    """The server's websocket protocol behind an ASGI `send`, if frames can be written to it.

    Daphne hands each application `functools.partial(Server.handle_reply, protocol)`;
    its protocol is autobahn's, which takes a prepared (framed once) message. Anything
    else returns None and the relay uses the ASGI `send`.
    """
    if isinstance(send, functools.partial) and send.args and getattr(send.func, "__name__", "") == "handle_reply":
        protocol = send.args[0]
        if callable(getattr(protocol, "sendPreparedMessage", None)) and hasattr(protocol, "STATE_OPEN"):
            return protocol
    return None


def write_prepared(wire, prepared) -> None:
    """Write a prepared frame to one socket, straight to its TCP socket when nothing is queued.

    Twisted buffers every write and sends it on a later reactor turn, registering the
    socket with the selector and unregistering it again: for thousands of sockets that
    bookkeeping costs more than the sends themselves. When autobahn and Twisted hold no
    unsent bytes for this socket (and no compression was negotiated), the frame is sent
    at once and only what the kernel does not take is left to Twisted. In every other
    case, or if Twisted's or autobahn's internals are not what this expects, the frame
    goes through autobahn's public `sendPreparedMessage`.
    """
    transport = getattr(wire, "transport", None)
    sock = getattr(transport, "socket", None)
    if (
        sock is None
        or getattr(wire, "_perMessageCompress", True) is not None
        or getattr(wire, "send_queue", True)
        or not getattr(transport, "connected", False)
        or getattr(transport, "disconnecting", True)
        or getattr(transport, "_writeDisconnected", True)
        or getattr(transport, "dataBuffer", True)
        or getattr(transport, "_tempDataBuffer", True)
    ):
        wire.sendPreparedMessage(prepared)
        return
    data = prepared.payloadHybi
    try:
        sent = sock.send(data)
    except BlockingIOError:
        sent = 0
    except OSError:  # a broken connection: let Twisted find out and close it
        sent = 0
    if sent < len(data):
        transport.write(data[sent:])


def prepare(frame: str) -> object:
    """The frame as one server-to-client text message, framed once for many sockets."""
    from autobahn.websocket.protocol import PreparedMessage

    return PreparedMessage(frame.encode(), False, False, False)


class Relay:
    def __init__(self) -> None:
        from channels.layers import InMemoryChannelLayer

        self.layer = get_channel_layer()
        # A shared layer (Redis) may falter: calls to it are bounded and watched (broker.py).
        self.broker = None if isinstance(self.layer, InMemoryChannelLayer) else Broker(self)
        self._started = False
        self.members: dict[str, dict[object, tuple[Send, object | None]]] = {}
        self.channel: str | None = None
        self._lock = asyncio.Lock()
        self._opening = asyncio.Lock()
        self._tasks: list[asyncio.Task] = []
        self.last_fanout = 0.0
        self.confirmer = Confirmer()
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
            if not local and await self._subscribe(group) and live.skippable(group):
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
                    await self._layer_call(self.layer.group_discard(group, self.channel), "an unsubscribe")

    async def deliver(self, group: str, frame: str) -> int:
        """Write a frame to every local socket of a group; returns how many were written."""
        targets = list(self.members.get(group, {}).items())
        prepared = None
        control = frame.startswith(CONTROL)  # for the consumer (live.RESYNC), not the wire
        for index, (key, (send, wire)) in enumerate(targets, start=1):
            held = getattr(key, "held", None)
            try:
                if held is not None and not control:  # a snapshot is on its way: after it (see `held`)
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
                channel = await self.layer.new_channel("relay.")
            else:
                try:
                    channel = await asyncio.wait_for(self.layer.new_channel("relay."), CALL_SECONDS)
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
        return await self._layer_call(self.layer.group_add(group, self.channel), "a subscribe")

    async def resync_all(self) -> int:
        """Tell every socket of this process to resync (live.RESYNC); returns how many."""
        sends = {}
        for local in self.members.values():
            for key, (send, _) in local.items():
                sends.setdefault(key, send)
        for send in sends.values():
            try:
                await send(live.RESYNC)
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
            if message.get("type") == "relay.frame" and message.get("origin") != self.channel:
                await self.deliver(message["group"], message["frame"])
            elif message.get("type") == PING and self.broker is not None:
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
