"""Sockets told to resync (RESYNC, RESYNC_OWN), served in batches off the database thread.

Moving onto an item with personal regions resyncs every phone of the seminar. One by
one, that was a database hop for the audiences and a whole snapshot for each phone, all
through Django's one thread for database work: about 5 ms a phone, ten seconds for
2,000, while the next advance waited (docs/live.md). A batch takes two hops per chunk,
off that thread, and the screen renders what its viewers share once (`Screen.snapshots`).
"""

import asyncio
import logging
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from django.db import close_old_connections, connections

from seminar.live.screens import Screen, Viewer, screen_for
from seminar.live.turns import background_turn

log = logging.getLogger(__name__)

# Resyncs that arrive within this long are served together; the room's own frames of the
# same change go out meanwhile. A batch runs on a thread of its own (not Django's one
# thread for database work, where a click and every connect would wait behind it),
# RESYNC_CHUNK sockets at a time (about 0.4 ms of work a phone).
RESYNC_GATHER_SECONDS = 0.1
RESYNC_CHUNK = 50
_resync_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-resync")


async def off_requests(function):
    """Run `function` on the resync thread, with Django's connection handling around it."""

    def run():
        close_old_connections()
        try:
            return function()
        finally:
            connections.close_all()

    return await asyncio.get_running_loop().run_in_executor(_resync_thread, run)


class Socket(Protocol):
    """What a resync needs of a socket's consumer (`seminar.live.consumer.ScreenConsumer`)."""

    viewer: Viewer | None
    gone: bool

    def hold(self) -> None: ...

    async def release(self) -> None: ...

    async def rejoin(self, audiences: list[str]) -> None: ...

    async def push(self, frame: str) -> None: ...


class Resyncs:
    """This process's sockets told to resync, served in batches per seminar and role."""

    def __init__(self) -> None:
        self.pending: dict[Socket, bool] = {}  # consumer -> its own part only?
        self.task: asyncio.Task | None = None

    def add(self, consumer: Socket, own_only: bool = False) -> None:
        self.pending[consumer] = own_only and self.pending.get(consumer, True)  # a whole one wins
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while self.pending:
            await asyncio.sleep(RESYNC_GATHER_SECONDS)
            batch, self.pending = self.pending, {}
            screens: dict[tuple[str, int, bool], list[Socket]] = {}
            for consumer, own_only in batch.items():
                if consumer.viewer is not None and not consumer.gone:
                    key = (consumer.viewer.role, consumer.viewer.seminar_id, own_only)
                    screens.setdefault(key, []).append(consumer)
            for (role, _, own_only), consumers in screens.items():
                for start in range(0, len(consumers), RESYNC_CHUNK):
                    chunk = consumers[start:start + RESYNC_CHUNK]
                    await background_turn()  # after any click and room frames under way
                    try:
                        await sync_many(screen_for(role), chunk, own_only)
                    except Exception:  # a resync is a hint too; the next connect heals
                        log.exception("resync of %d %s screens failed", len(chunk), role)


async def sync_many(screen: Screen, consumers: list[Socket], own_only: bool = False) -> None:
    """`ScreenConsumer.sync` for many sockets of one seminar and role; with `own_only` each
    socket's own part alone (`Screen.own_parts`), its audiences unchanged."""
    viewers = [consumer.viewer for consumer in consumers]
    for consumer in consumers:
        consumer.hold()
    try:
        if not own_only:
            wanted = await off_requests(lambda: screen.audiences_many(viewers))
            for consumer, audiences in zip(consumers, wanted, strict=True):
                await consumer.rejoin(audiences)
        render = screen.own_parts if own_only else screen.snapshots
        frames = await off_requests(lambda: render(viewers))
        for consumer, frame in zip(consumers, frames, strict=True):
            if not consumer.gone:
                await consumer.push(frame)
    finally:
        for consumer in consumers:
            await consumer.release()


_resyncs: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Resyncs]" = (
    weakref.WeakKeyDictionary())


def resyncs() -> Resyncs:
    """The running event loop's resyncs (one per process in a server)."""
    loop = asyncio.get_running_loop()
    if loop not in _resyncs:
        _resyncs[loop] = Resyncs()
    return _resyncs[loop]
