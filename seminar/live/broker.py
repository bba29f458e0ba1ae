"""The relay's link to the other workers (the channel layer on Redis): bounded, watched, healed.

While Redis refuses or hangs, a worker keeps serving its own sockets: the outbox writes
each frame to them before it hands the frame to the publisher here, and no layer call
waits longer than CALL_SECONDS (LIVE_SEND_TIMEOUT_SECONDS for a publish). What could not
be published is noted per group. A ping through the worker's own subscription, every
PING_SECONDS, tells whether the link works: a ping that fails, is lost or does not come
back within PING_WAIT_SECONDS marks it cut. The first ping sent after that which comes
back heals: the groups that could not be subscribed are subscribed, the other workers'
screens of every group a frame was dropped for are told to resync (RESYNC), and
this worker's own screens resync too (they may have missed what the others published
meanwhile). A resync reads the database, so every screen shows the true state again
within about a second of Redis answering. Only used with a shared layer (Redis), and
only through the transport (`seminar.live.transport`).
"""

import asyncio
import logging

from seminar.live import transport
from seminar.live.control import RESYNC

log = logging.getLogger(__name__)

PING_SECONDS = 0.5
# Generous: a worker busy with a fan-out of thousands of sockets still answers in time;
# a false alarm costs one resync of this worker's screens, nothing else.
PING_WAIT_SECONDS = 3.0
CALL_SECONDS = 1.0


class Broker:
    def __init__(self, relay) -> None:
        self.relay = relay
        self.layer = relay.layer
        self.cut_off = False
        self.dropped: set[str] = set()  # groups whose frames did not reach the other workers
        self.queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        self.heals = 0
        self._seq = 0
        self._cut_at = 0  # pings up to this one were sent before the link was found cut
        self._waiting: dict[int, float] = {}  # ping -> when it was sent
        self._healing: asyncio.Task | None = None
        self._started = False

    def start(self) -> None:
        """Start publishing and watching (once): at the relay's first join or first frame."""
        if not self._started:
            self._started = True
            self.relay._tasks += [asyncio.create_task(self._publisher()),
                                  asyncio.create_task(self._watch())]

    def failed(self, why: str) -> None:
        if not self.cut_off:
            log.warning("live link to the other workers cut (%s); serving this worker's screens "
                        "alone", why)
        self.cut_off = True
        self._cut_at = self._seq

    async def call(self, awaitable, why: str) -> bool:
        """Await a layer call, bounded; False (the link noted as cut) if it failed."""
        try:
            await asyncio.wait_for(awaitable, CALL_SECONDS)
            return True
        except Exception:  # refused, timed out, a half-open connection: all mean "cut"
            log.debug("%s failed", why, exc_info=True)
            self.failed(why)
            return False

    def publish(self, group: str, frame: str) -> None:
        """Queue a frame for the other workers (this worker's sockets have it already)."""
        self.start()
        self.queue.put_nowait((group, frame))

    async def _publisher(self) -> None:
        while True:
            group, frame = await self.queue.get()
            # While the link is cut, nothing is tried: each try would wait for its timeout
            # and the frames behind it with it. The heal tells the group's screens to resync.
            if self.cut_off:
                self.dropped.add(group)
            elif not await transport.send_frame(group, frame, origin=self.relay.channel):
                self.dropped.add(group)
                self.failed("a publish failed")

    async def _watch(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(PING_SECONDS)
            if self.relay.channel is None and not await self.relay.open_channel():
                continue
            now = loop.time()
            for seq, sent in list(self._waiting.items()):
                if now - sent > PING_WAIT_SECONDS:
                    del self._waiting[seq]
                    self.failed("a ping did not come back")
            self._seq += 1
            seq = self._seq
            self._waiting[seq] = now  # before sending: it may come back before the send returns
            if not await self.call(self.layer.ping(self.relay.channel, seq), "a ping"):
                self._waiting.pop(seq, None)

    def pong(self, seq: int) -> None:
        """A ping came back through this worker's subscription."""
        if self._waiting.pop(seq, None) is None:
            return
        for older in [s for s in self._waiting if s < seq]:  # pub/sub keeps order: those were lost
            del self._waiting[older]
            self.failed("a ping was lost")
        if self.cut_off and seq > self._cut_at and self._healing is None:
            self._healing = asyncio.create_task(self._heal())

    async def _heal(self) -> None:
        try:
            self.cut_off = False
            dropped, self.dropped = self.dropped, set()
            for group in list(self.relay.members):  # a no-op for groups still subscribed
                await self.call(self.layer.subscribe(group, self.relay.channel), "a subscribe")
            for group in sorted(dropped):
                if not await transport.send_frame(group, RESYNC, origin=self.relay.channel):
                    self.failed("a resync publish failed")
            if self.cut_off:  # cut again meanwhile: the next ping that comes back heals
                self.dropped |= dropped
                return
            self.heals += 1
            screens = await self.relay.resync_all()
            log.warning("live link to the other workers back; resyncing %d screens here and "
                        "the screens of %d groups elsewhere", screens, len(dropped))
        finally:
            self._healing = None
