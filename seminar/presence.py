"""Which screens are connected, per seminar and role, adding up across worker processes.

The roles are the registered screens' (`live.roles()`); each screen type may show the
count (`Screen.presence_frame`: the tablets do).

Each process counts its own sockets and writes one row per seminar and role
(`ScreenCount`), debounced, and refreshes its rows every `HEARTBEAT_SECONDS` while it
lives. Readers sum the rows refreshed within `STALE_SECONDS`; a worker killed without
saying goodbye stops counting then, and the next heartbeat of a live worker deletes its
rows and tells the tablets. A worker stopped gracefully (daphne's SIGTERM or SIGINT)
deletes its own rows at once. Never domain data; never needed for correctness.
"""

import asyncio
import contextvars
import datetime as dt
import logging
import os
import socket
import sys
import uuid
import weakref
from collections import Counter
from collections.abc import Callable

from channels.db import database_sync_to_async
from django.db.models import Sum
from django.utils import timezone

from seminar import live
from seminar.languages import language_codes
from seminar.models import ScreenCount

log = logging.getLogger(__name__)
WORKER = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
DEBOUNCE_SECONDS = 0.5
# A heartbeat is one UPDATE of this worker's rows and one SELECT for rows gone stale.
HEARTBEAT_SECONDS = 5
STALE_SECONDS = 15


def screen_counts(seminar_id: int) -> dict[str, int]:
    """Connected screens per role across all live workers."""
    fresh = timezone.now() - dt.timedelta(seconds=STALE_SECONDS)
    rows = (
        ScreenCount.objects.filter(seminar_id=seminar_id, updated_at__gte=fresh)
        .values("role")
        .annotate(total=Sum("count"))
    )
    counts = dict.fromkeys(live.roles(), 0)
    counts.update({row["role"]: row["total"] for row in rows})
    return counts


def _write(seminar_id: int, counts: dict[str, int]) -> None:
    now = timezone.now()
    for role, count in counts.items():
        ScreenCount.objects.update_or_create(
            seminar_id=seminar_id, worker=WORKER, role=role,
            defaults={"count": count, "updated_at": now},
        )


def _refresh(seminar_ids: set[int]) -> int:
    """Mark this worker's rows of these seminars fresh; returns how many rows there were."""
    return ScreenCount.objects.filter(worker=WORKER, seminar_id__in=seminar_ids).update(
        updated_at=timezone.now()
    )


def _sweep() -> set[int]:
    """Delete the rows of workers gone silent; returns the seminars whose count dropped."""
    stale = ScreenCount.objects.filter(
        updated_at__lt=timezone.now() - dt.timedelta(seconds=STALE_SECONDS))
    rows = list(stale.values_list("pk", "seminar_id", "count"))
    if not rows:
        return set()
    ScreenCount.objects.filter(pk__in=[pk for pk, _, _ in rows]).delete()
    return {seminar_id for _, seminar_id, count in rows if count}


def _forget() -> None:
    ScreenCount.objects.filter(worker=WORKER).delete()


def presence_changed(seminar_id: int) -> None:
    """Tell the screens that show it (the facilitators' tablets) how many are connected now."""
    for screen in live.registered():
        for language in language_codes():
            frame = screen.presence_frame(seminar_id, language)
            if frame:
                live.send_now(seminar_id, live.audiences.role(screen.role, language), frame)


class PresenceBook:
    """This process's connected sockets, flushed to the database shortly after a change."""

    def __init__(self, on_change: Callable[[int], None]) -> None:
        self.counts: Counter[tuple[int, str]] = Counter()
        self.dirty: set[int] = set()
        self.on_change = on_change
        self.closed = False
        self._flush_task: asyncio.Task | None = None
        self._heartbeat_task: asyncio.Task | None = None

    def connected(self, seminar_id: int, role: str) -> None:
        self.counts[(seminar_id, role)] += 1
        self._mark(seminar_id)

    def disconnected(self, seminar_id: int, role: str) -> None:
        self.counts[(seminar_id, role)] -= 1
        self._mark(seminar_id)

    def _mark(self, seminar_id: int) -> None:
        if self.closed:  # the server is stopping; its rows are deleted (`close`)
            return
        self.dirty.add(seminar_id)
        if self._flush_task is None or self._flush_task.done():
            self._flush_task = asyncio.create_task(self._flush_soon())
        if self._heartbeat_task is None or self._heartbeat_task.done():
            self._heartbeat_task = asyncio.create_task(self._heartbeat())

    def _snapshot(self, seminar_id: int) -> dict[str, int]:
        return {role: max(self.counts[(seminar_id, role)], 0) for role in live.roles()}

    async def _flush_soon(self) -> None:
        # Loops until nothing is pending, so a change made while a write was under way
        # is written too (a new flush task starts only once this one has finished).
        while self.dirty and not self.closed:
            await asyncio.sleep(DEBOUNCE_SECONDS)
            seminars, self.dirty = self.dirty, set()
            for seminar_id in seminars:
                await self._write(seminar_id, notify=True)

    async def _heartbeat(self) -> None:
        while any(self.counts.values()) and not self.closed:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            seminars = {key[0] for key in self.counts}
            try:
                rows = await database_sync_to_async(_refresh)(seminars)
                if rows < len(seminars) * len(live.roles()):  # swept while this worker stalled
                    for seminar_id in seminars:
                        await self._write(seminar_id, notify=True)
                for seminar_id in await database_sync_to_async(_sweep)():
                    await database_sync_to_async(self.on_change)(seminar_id)
            except Exception:  # never stops the heartbeat; the next one tries again
                log.warning("presence heartbeat failed", exc_info=True)
            for key in [key for key, count in self.counts.items() if count <= 0]:
                del self.counts[key]

    async def _write(self, seminar_id: int, *, notify: bool) -> None:
        """One seminar's rows; a failure is logged and never stops the others or the heartbeat."""
        try:
            await database_sync_to_async(_write)(seminar_id, self._snapshot(seminar_id))
            if notify:
                await database_sync_to_async(self.on_change)(seminar_id)
        except Exception:
            log.warning("presence for seminar %s not written", seminar_id, exc_info=True)

    async def close(self) -> None:
        """The server is stopping: delete this worker's rows and tell the tablets."""
        if self.closed:
            return
        self.closed = True
        for task in (self._flush_task, self._heartbeat_task):
            if task is not None:
                task.cancel()
        seminars = {seminar_id for (seminar_id, _), count in self.counts.items() if count > 0}
        try:
            # On the same database thread as the writes, so it runs after any under way.
            await database_sync_to_async(_forget)()
            for seminar_id in seminars:
                await database_sync_to_async(self.on_change)(seminar_id)
        except Exception:
            log.warning("presence rows of %s not deleted", WORKER, exc_info=True)


def on_server_shutdown(book: PresenceBook) -> None:
    """Close `book` when daphne stops gracefully (SIGTERM, SIGINT).

    Daphne runs on Twisted's reactor, whose "before shutdown" triggers run while the event
    loop still turns (daphne cancels its sockets' instances in one); a Deferred returned
    there is waited for. Outside a running reactor (tests) nothing is registered.
    """
    reactor = sys.modules.get("twisted.internet.reactor")
    if reactor is None or not getattr(reactor, "running", False):
        return
    from twisted.internet import defer

    loop = asyncio.get_running_loop()

    def close() -> defer.Deferred:
        # In a context of its own: the trigger may fire inside a callback that inherited a
        # database_sync_to_async call's context, where asgiref refuses another such call
        # ("would deadlock").
        task = loop.create_task(book.close(), context=contextvars.Context())
        return defer.Deferred.fromFuture(task)

    reactor.addSystemEventTrigger("before", "shutdown", close)


_books: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, PresenceBook]" = (
    weakref.WeakKeyDictionary())


def presence_book() -> PresenceBook:
    """The running event loop's book (one per process in a server)."""
    loop = asyncio.get_running_loop()
    if loop not in _books:
        _books[loop] = PresenceBook(presence_changed)
        on_server_shutdown(_books[loop])
    return _books[loop]
