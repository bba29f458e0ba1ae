"""Which screens are connected, per seminar and role, adding up across worker processes.

Each process counts its own sockets and writes one row per seminar and role
(`ScreenCount`), debounced, and refreshes its rows while it lives. Readers sum the rows
refreshed recently, so a worker that died without saying goodbye stops counting after
`STALE_SECONDS`. Never domain data; never needed for correctness.
"""

import asyncio
import datetime as dt
import logging
import os
import socket
import uuid
from collections import Counter
from collections.abc import Callable

from channels.db import database_sync_to_async
from django.db.models import Sum
from django.utils import timezone

from seminar.models import ScreenCount

log = logging.getLogger(__name__)
WORKER = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
DEBOUNCE_SECONDS = 0.5
HEARTBEAT_SECONDS = 30
STALE_SECONDS = 90


def screen_counts(seminar_id: int) -> dict[str, int]:
    """Connected screens per role across all live workers."""
    fresh = timezone.now() - dt.timedelta(seconds=STALE_SECONDS)
    rows = (
        ScreenCount.objects.filter(seminar_id=seminar_id, updated_at__gte=fresh)
        .values("role")
        .annotate(total=Sum("count"))
    )
    counts = {"projector": 0, "participant": 0, "facilitator": 0}
    counts.update({row["role"]: row["total"] for row in rows})
    return counts


def _write(seminar_id: int, counts: dict[str, int]) -> None:
    now = timezone.now()
    for role, count in counts.items():
        ScreenCount.objects.update_or_create(
            seminar_id=seminar_id, worker=WORKER, role=role,
            defaults={"count": count, "updated_at": now},
        )


class PresenceBook:
    """This process's connected sockets, flushed to the database shortly after a change."""

    def __init__(self, on_change: Callable[[int], None]) -> None:
        self.counts: Counter[tuple[int, str]] = Counter()
        self.dirty: set[int] = set()
        self.on_change = on_change
        self._flush_task: asyncio.Task | None = None
        self._heartbeat_task: asyncio.Task | None = None

    def connected(self, seminar_id: int, role: str) -> None:
        self.counts[(seminar_id, role)] += 1
        self._mark(seminar_id)

    def disconnected(self, seminar_id: int, role: str) -> None:
        self.counts[(seminar_id, role)] -= 1
        self._mark(seminar_id)

    def _mark(self, seminar_id: int) -> None:
        self.dirty.add(seminar_id)
        if self._flush_task is None or self._flush_task.done():
            self._flush_task = asyncio.create_task(self._flush_soon())
        if self._heartbeat_task is None or self._heartbeat_task.done():
            self._heartbeat_task = asyncio.create_task(self._heartbeat())

    def _snapshot(self, seminar_id: int) -> dict[str, int]:
        roles = ("projector", "participant", "facilitator")
        return {role: max(self.counts[(seminar_id, role)], 0) for role in roles}

    async def _flush_soon(self) -> None:
        # Loops until nothing is pending, so a change made while a write was under way
        # is written too (a new flush task starts only once this one has finished).
        while self.dirty:
            await asyncio.sleep(DEBOUNCE_SECONDS)
            seminars, self.dirty = self.dirty, set()
            for seminar_id in seminars:
                await self._write(seminar_id, notify=True)

    async def _heartbeat(self) -> None:
        while any(self.counts.values()):
            await asyncio.sleep(HEARTBEAT_SECONDS)
            for seminar_id in {key[0] for key in self.counts}:
                await self._write(seminar_id, notify=False)
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
