"""A drill's room for bench/faults.py: its sizes, the shared rig, and one app on a fresh copy
of the seed database with its phones, its tablet and the ledger of ideas.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.fanout import SLUG
from bench.faultclients import Balancer, Facilitator, Phone
from bench.faultrig import App, Postgres, RedisServer
from bench.faulttruth import Database, Ledger, converge


@dataclass
class Sizes:
    phones: int = 200  # sockets in the worker kill
    room: int = 100  # phones in the other drills
    stuck: int = 20  # sockets that never read
    outage: float = 30.0  # Redis down, phone offline
    rounds: int = 25  # rounds of 20 concurrent "Næste"
    drill_timeout: float = 420.0

    @classmethod
    def quick(cls) -> Sizes:
        return cls(phones=60, room=30, stuck=5, outage=10.0, rounds=5, drill_timeout=240.0)

    @property
    def seats(self) -> int:
        return max(self.phones, self.room + self.stuck) + 4


@dataclass
class Context:
    workdir: Path
    pg: Postgres
    redis: RedisServer
    sessions: dict
    sizes: Sizes


class Room:
    """One drill's app on a fresh copy of the seed database, with phones and a tablet."""

    count = 0

    def __init__(
        self,
        ctx: Context,
        phones: int,
        redis_url: str | None = None,
        media_root: Path | None = None,
    ) -> None:
        Room.count += 1
        self.name = f"drill_{Room.count}"
        ctx.pg.copy_seed(self.name)
        ctx.redis.flush()
        self.ctx = ctx
        self.app = App(
            self.name, ctx.workdir, ctx.pg, redis_url or ctx.redis.url, media_root=media_root
        )
        self.balancer = Balancer(self.app.ports, self.app.base_url)
        self.db = Database(ctx.pg.url(self.name), ctx.sessions["seminar_id"], ctx.sessions["item"])
        self.idea_path = f"/s/{SLUG}/ideas/{ctx.sessions['item']}/send/"
        self.phones = [
            Phone(n, key, self.balancer) for n, key in enumerate(ctx.sessions["phones"][:phones])
        ]
        self.tablet = Facilitator(ctx.sessions["facilitator"], self.balancer, self.db)
        self.ledger = Ledger()
        self.direction = "back"
        self.last_step = time.monotonic()
        self.failed_at_open = 0

    async def __aenter__(self) -> Room:
        self.app.start()
        return self

    async def __aexit__(self, *exc) -> None:
        await asyncio.gather(*(phone.stop() for phone in self.phones))
        self.app.stop()
        with contextlib.suppress(Exception):
            self.ctx.pg.admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")

    async def open_phones(self, phones: list[Phone] | None = None, timeout: float = 90) -> float:
        """Open the phones 50 at a time; seconds until every one shows the true state."""
        started = time.monotonic()
        for start in range(0, len(phones or self.phones), 50):
            for phone in (phones or self.phones)[start : start + 50]:
                phone.start()
            await asyncio.sleep(0.3)
        result = await converge(phones or self.phones, self.db, started, timeout)
        self.failed_at_open = sum(p.failed_connects for p in self.phones)
        if result["converged"] != result["of"]:
            raise RuntimeError(
                f"only {result['converged']} of {result['of']} phones connected at the start"
            )
        return time.monotonic() - started

    async def advance(self, prefer: int = 0) -> int:
        """One facilitator step, back and forth around the brainstorm so the program never ends."""
        self.direction = "next" if self.direction == "back" else "back"
        version = (await self.db.truth()).version
        self.last_step = time.monotonic()
        status, _ = await self.tablet.post(
            f"/s/{SLUG}/run/step/", {"version": str(version), "direction": self.direction}, prefer
        )
        return status

    async def idea_load(self, phones: list[Phone], seconds: float, every: float) -> None:
        """Each phone sends a new idea every `every` s (spread out), for `seconds`."""
        end = time.monotonic() + seconds

        async def one(phone: Phone) -> None:
            await asyncio.sleep(random.random() * every)
            while time.monotonic() < end:
                if phone.online:
                    await self.ledger.send(self, phone, self.ledger.new(phone.index))
                await asyncio.sleep(every)

        await asyncio.gather(*(one(phone) for phone in phones))

    async def click_load(self, seconds: float, every: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            await self.advance()
            await asyncio.sleep(every)

    async def finish(
        self, since: float, timeout: float = 60, countdown: bool = False, resend: bool = True
    ) -> dict:
        """Resend what failed, wait for the phones, count the ideas and the failures."""
        if resend:
            await self.ledger.resend_unacked(self, self.phones)
        row = await converge(self.phones, self.db, since, timeout, countdown)
        if self.ledger.sent:
            row.update(await self.ledger.tally(self.db))
        row["failed"] = self.ledger.failed + self.tablet.failed
        row["statuses"] = {
            str(k): v for k, v in sorted((self.ledger.statuses + self.tablet.statuses).items())
        }
        row["server_errors_logged"] = self.app.log_lines("Traceback", "Internal Server Error")
        # Phones that had to try again (a handshake refused or timed out) explain a slow
        # convergence.
        row["phone_connects"] = {
            "ok": sum(p.connects for p in self.phones),
            "failed": sum(p.failed_connects for p in self.phones),
            "failed_while_opening": self.failed_at_open,
            "why": dict(sum((p.why_failed for p in self.phones), Counter())),
        }
        return row

    async def presence_after(self, seconds: float, settle: float = 40) -> str:
        """The tablet's phone count `seconds` after, and when (up to `settle` s) it was right."""
        started = time.monotonic()
        await asyncio.sleep(seconds)
        connected = sum(phone.connected for phone in self.phones)
        first = await self.db.presence()
        counted = first
        while counted != connected and time.monotonic() - started < settle:
            await asyncio.sleep(0.5)
            connected, counted = (
                sum(phone.connected for phone in self.phones),
                await self.db.presence(),
            )
        right = (
            f"right ({counted}) {time.monotonic() - started:.0f} s after"
            if counted == connected
            else f"still {counted} for {connected} after {settle:.0f} s"
        )
        return (
            f"tablet counts {first} phones for {connected} connected {seconds:.0f} s later, {right}"
        )
