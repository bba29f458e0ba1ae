"""One subscription per process that writes each pre-rendered frame to its local sockets.

A plain Channels group holds one channel per socket, so a broadcast to N screens costs
N layer messages and N consumer dispatches (and O(N²) in the in-memory layer). Here
each process joins a group once, with its own relay channel, and writes the frame
straight to the sockets it holds. docs/live.md gives the figures behind this.
"""

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable

from channels.layers import get_channel_layer

log = logging.getLogger(__name__)

Send = Callable[[str], Awaitable[None]]

# Yield to the event loop between slices of a fan-out so that HTTP requests
# (a facilitator's next click) are not held up behind thousands of writes.
SLICE = 200
# channels_redis forgets group members after group_expiry (a day); re-join well before.
REJOIN_SECONDS = 3600


class Relay:
    def __init__(self) -> None:
        self.layer = get_channel_layer()
        self.members: dict[str, dict[object, Send]] = {}
        self.channel: str | None = None
        self._lock = asyncio.Lock()
        self._tasks: list[asyncio.Task] = []

    async def join(self, group: str, key: object, send: Send) -> None:
        async with self._lock:
            await self._start()
            local = self.members.setdefault(group, {})
            if not local:
                await self.layer.group_add(group, self.channel)
            local[key] = send

    async def leave(self, group: str, key: object) -> None:
        async with self._lock:
            local = self.members.get(group)
            if local is None or key not in local:
                return
            del local[key]
            if not local:
                del self.members[group]
                await self.layer.group_discard(group, self.channel)

    async def deliver(self, group: str, frame: str) -> int:
        """Write a frame to every local socket of a group; returns how many were written."""
        targets = list(self.members.get(group, {}).values())
        for index, send in enumerate(targets, start=1):
            try:
                await send(frame)
            except Exception:  # one broken socket must not starve the others
                log.debug("relay write failed", exc_info=True)
            if index % SLICE == 0:
                await asyncio.sleep(0)
        return len(targets)

    async def _start(self) -> None:
        if self.channel is not None:
            return
        self.channel = await self.layer.new_channel("relay.")
        self._tasks = [asyncio.create_task(self._receive()), asyncio.create_task(self._rejoin())]

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
            if message.get("type") == "relay.frame":
                await self.deliver(message["group"], message["frame"])

    async def _rejoin(self) -> None:
        while True:
            await asyncio.sleep(REJOIN_SECONDS)
            for group in list(self.members):
                await self.layer.group_add(group, self.channel)


_relays: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Relay]" = weakref.WeakKeyDictionary()


def get_relay() -> Relay:
    """The relay of the running event loop (one per process in production)."""
    loop = asyncio.get_running_loop()
    relay = _relays.get(loop)
    if relay is None:
        relay = _relays[loop] = Relay()
    return relay
