"""What is true in a drill, and what was sent: the live state and the ideas read from the
drill's database, whether the phones show that state, and the ledger of every idea sent.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from bench.faultclients import Phone, http
from bench.submit import multipart


@dataclass
class Truth:
    version: int
    running: bool
    remaining_ms: int | None


class Database:
    """What is true: the live state and the stored ideas, read from the drill's database."""

    def __init__(self, url: str, seminar_id: int, item_id: int) -> None:
        self.url, self.seminar_id, self.item_id = url, seminar_id, item_id

    async def _query(self, sql: str, *args):
        import psycopg

        for _ in range(60):  # the database may be restarting
            try:
                async with await psycopg.AsyncConnection.connect(
                    self.url, connect_timeout=2
                ) as conn:
                    cursor = await conn.execute(sql, args)
                    return await cursor.fetchall()
            except psycopg.OperationalError:
                await asyncio.sleep(0.5)
        raise RuntimeError("the drill's database did not answer for 30 s")

    async def truth(self) -> Truth:
        rows = await self._query(
            "SELECT version, timer_ends_at, timer_remaining, now() FROM program_livestate "
            "WHERE seminar_id = %s",
            self.seminar_id,
        )
        version, ends_at, remaining, now = rows[0]
        if ends_at is not None:
            return Truth(version, True, max(0, round((ends_at - now).total_seconds() * 1000)))
        return Truth(version, False, remaining * 1000 if remaining is not None else None)

    async def ideas(self) -> list[tuple[str, int, str]]:
        return [
            (str(key), author, text)
            for key, author, text in await self._query(
                "SELECT key, author_id, text FROM program_idea WHERE item_id = %s", self.item_id
            )
        ]

    async def presence(self) -> int:
        rows = await self._query(
            "SELECT coalesce(sum(count), 0) FROM seminar_screencount WHERE seminar_id = %s AND "
            "role = 'participant' AND updated_at >= now() - interval '90 seconds'",
            self.seminar_id,
        )
        return int(rows[0][0])


def shows_truth(phone: Phone, truth: Truth, countdown: bool) -> bool:
    if not phone.connected or phone.version != truth.version:
        return False
    if not countdown:
        return True
    left = phone.remaining_ms()
    return (
        left is not None
        and phone.countdown[1] == truth.running
        and abs(left - (truth.remaining_ms or 0)) <= 2000
    )


async def converge(
    phones: list[Phone], db: Database, since: float, timeout: float, countdown: bool = False
) -> dict:
    """Wait (up to `timeout` s from now) until every phone is connected and shows the true
    state; how many did, and how long after `since` the last one got there."""
    deadline = time.monotonic() + timeout
    while True:
        truth = await db.truth()
        good = sum(shows_truth(p, truth, countdown) for p in phones)
        if good == len(phones) or time.monotonic() >= deadline:
            break
        await asyncio.sleep(0.1)
    # A phone got there when it had both the true version and the socket it still holds.
    reached = [
        max(p.seen.get(truth.version, since), p.connected_at, since)
        for p in phones
        if shows_truth(p, truth, countdown)
    ]
    seconds = (max(reached) - since) if good == len(phones) and reached else None
    row = {
        "converged": good,
        "of": len(phones),
        "seconds": round(seconds, 2) if seconds is not None else None,
        "version": truth.version,
    }
    stragglers = [p for p in phones if not shows_truth(p, truth, countdown)]
    if stragglers:  # what the first few show instead, to tell a stale phone from a dead one
        row["stragglers"] = [
            {
                "phone": p.index,
                "connected": p.connected,
                "version": p.version,
                "countdown": [p.remaining_ms(), p.countdown and p.countdown[1]],
                "connects": p.connects,
                "failed_connects": p.failed_connects,
            }
            for p in stragglers[:5]
        ]
        row["truth"] = [truth.version, truth.remaining_ms, truth.running]
    return row


@dataclass
class Ledger:
    """Every idea a phone sends, by key; a failed send is kept and sent again (same key)."""

    sent: dict[str, tuple[int, str]] = field(default_factory=dict)  # key -> (phone, text)
    acked: set[str] = field(default_factory=set)
    statuses: Counter = field(default_factory=Counter)
    times: list[float] = field(default_factory=list)
    refusals: list[bytes] = field(default_factory=list)  # the bodies of answers other than 200

    def new(self, phone: int) -> str:
        key = str(uuid.uuid4())
        self.sent[key] = (phone, f"Idé {phone}-{key[:8]}")
        return key

    @property
    def failed(self) -> int:
        """Requests a person saw fail: 5xx answers and no answer at all."""
        return sum(n for status, n in self.statuses.items() if status == 0 or status >= 500)

    async def send(self, rig, phone: Phone, key: str, photo: bytes | None = None) -> int:
        _, text = self.sent[key]
        csrf = "faultsbenchcsrftoken0123456789ab"
        body, content_type = multipart(
            {"csrfmiddlewaretoken": csrf, "key": key, "text": text}, photo
        )
        status, answer, seconds = await http(
            rig.balancer,
            phone.index,
            "POST",
            rig.idea_path,
            body,
            content_type,
            f"csrftoken={csrf}; sessionid={phone.session}",
        )
        self.statuses[status] += 1
        self.times.append(seconds)
        if status == 200:
            self.acked.add(key)
        else:
            self.refusals.append(answer)
        return status

    async def resend_unacked(self, rig, phones: list[Phone], rounds: int = 3) -> None:
        """The people press "send again" on what did not go through, once things work."""
        for _ in range(rounds):
            waiting = [key for key in self.sent if key not in self.acked]
            if not waiting:
                return
            await asyncio.gather(*(self.send(rig, phones[self.sent[k][0]], k) for k in waiting))
            await asyncio.sleep(1.0)

    async def tally(self, db: Database) -> dict:
        rows = await db.ideas()
        ours = [row for row in rows if row[0] in self.sent]
        keys = Counter(key for key, _, _ in ours)
        texts = Counter(text for _, _, text in ours)
        return {
            "sent": len(self.sent),
            "stored": len(keys),
            "duplicated": sum(n - 1 for n in keys.values()) + sum(n - 1 for n in texts.values()),
            "lost": len(set(self.sent) - set(keys)),
            "acked_not_stored": len(self.acked - set(keys)),
        }
