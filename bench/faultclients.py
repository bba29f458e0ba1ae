"""The people in bench/faults.py's room: phones that behave like static/js/live.js, a
facilitator's tablet that presses "Næste", and the truth read from the database.

A phone keeps one websocket open. It shows the newest `phone-live` frame it has had
(live.js swaps a region unless its `data-version` is older than the one shown) and the
countdown in it. When the socket closes it reconnects after 0.5-1 s, doubling up to
10 s; coming back online reconnects at once. The load balancer in front of the workers
is modelled too: a connection refused by one worker goes to the next (nginx's
`proxy_next_upstream error`), so phones of a dead worker land on a live one.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import re
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from bench.fanout import SLUG
from bench.submit import multipart

LIVE = re.compile(rb'id="phone-live" data-version="(\d+)"')
COUNTDOWN = re.compile(rb'data-remaining-ms="(\d+)" data-running="([01])"')
STALE_MARK = b"changed on another screen"


class Balancer:
    """Which worker a phone's connection lands on: its own, else the next one that answers."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports

    def order(self, prefer: int) -> list[int]:
        n = len(self.ports)
        return [self.ports[(prefer + k) % n] for k in range(n)]


async def http(balancer: Balancer, prefer: int, method: str, path: str, body: bytes = b"",
               content_type: str = "", cookie: str = "", timeout: float = 30.0) -> tuple[int, bytes, float]:
    """One request on a fresh connection; (status, body, seconds). Status 0: no answer."""
    started = time.monotonic()
    for port in balancer.order(prefer):
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 5)
        except (ConnectionRefusedError, TimeoutError, OSError):
            continue
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
                f"Content-Length: {len(body)}\r\nCookie: {cookie}\r\nHX-Request: true\r\n"
                f"Accept-Language: da\r\nConnection: close\r\n")
        if content_type:
            head += f"Content-Type: {content_type}\r\n"
        try:
            writer.write(head.encode() + b"\r\n" + body)
            data = await asyncio.wait_for(reader.read(), timeout)
        except (ConnectionError, TimeoutError, OSError):
            return 0, b"", time.monotonic() - started
        finally:
            writer.close()
        if not data.startswith(b"HTTP/"):
            return 0, b"", time.monotonic() - started
        status = int(data.split(b" ", 2)[1])
        return status, data.partition(b"\r\n\r\n")[2], time.monotonic() - started
    return 0, b"", time.monotonic() - started


class Phone:
    """One participant's phone with the page open (see the module docstring)."""

    def __init__(self, index: int, session: str, balancer: Balancer) -> None:
        self.index = index
        self.session = session
        self.balancer = balancer
        self.version = 0
        self.countdown: tuple[int, bool, float] | None = None  # remaining ms, running, received at
        self.seen: dict[int, float] = {}  # version -> when this phone first showed it
        self.connected = False
        self.connected_at = 0.0  # when the socket now open was opened
        self.online = True
        self.connects = 0
        self.failed_connects = 0
        self.why_failed: Counter = Counter()
        self.wake = asyncio.Event()
        self.ws = None
        self.task: asyncio.Task | None = None

    def start(self) -> None:
        self.task = asyncio.create_task(self.run())

    async def _pause(self, seconds: float) -> None:
        self.wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.wake.wait(), seconds)

    async def run(self) -> None:
        from websockets.asyncio.client import connect
        from websockets.exceptions import ConnectionClosed

        delay = 0.5
        while True:
            if not self.online:
                await self._pause(3600)
                delay = 0.5
                continue
            ws = None
            for port in self.balancer.order(self.index):
                try:
                    ws = await connect(
                        f"ws://127.0.0.1:{port}/ws/s/{SLUG}/participant/", origin=f"http://127.0.0.1:{port}",
                        additional_headers=[("Cookie", f"sessionid={self.session}"), ("Accept-Language", "da")],
                        compression=None, ping_interval=None, max_size=None, open_timeout=10,
                        close_timeout=1, user_agent_header=None)
                    break
                except ConnectionRefusedError:
                    continue  # the balancer tries the next worker
                except Exception as error:  # as the browser: any failed handshake is a retry later
                    self.why_failed[type(error).__name__] += 1
                    break
            if ws is None:
                self.failed_connects += 1
                await self._pause(delay + random.random() * delay)
                delay = min(delay * 2, 10.0)
                continue
            self.ws, self.connected, self.connected_at, delay = ws, True, time.monotonic(), 0.5
            self.connects += 1
            try:
                async for data in ws:
                    self.swap(data if isinstance(data, bytes) else data.encode())
            except ConnectionClosed:
                pass
            finally:
                self.connected, self.ws = False, None
            if ws.close_code == 4403:
                return
            if self.online:
                await self._pause(delay + random.random() * delay)
                delay = min(delay * 2, 10.0)

    def swap(self, data: bytes) -> None:
        found = LIVE.search(data, 0, 400)
        if found is None:
            return
        version = int(found.group(1))
        if version < self.version:
            return  # live.js keeps the newer region
        now = time.monotonic()
        self.version = version
        self.seen.setdefault(version, now)
        end = data.find(b'id="phone-program"')
        countdown = COUNTDOWN.search(data, 0, end if end > 0 else len(data))
        self.countdown = ((int(countdown.group(1)), countdown.group(2) == b"1", now) if countdown else None)

    def remaining_ms(self) -> int | None:
        if self.countdown is None:
            return None
        left, running, at = self.countdown
        return max(0, round(left - (time.monotonic() - at) * 1000)) if running else left

    def go_offline(self) -> None:
        """Wi-Fi gone: the socket drops and nothing is sent until it returns."""
        self.online = False
        if self.ws is not None:
            self.ws.transport.abort()

    def go_online(self) -> None:
        """live.js's `online` listener: reconnect at once."""
        self.online = True
        self.wake.set()

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
        if self.ws is not None:
            self.ws.transport.abort()


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
                async with await psycopg.AsyncConnection.connect(self.url, connect_timeout=2) as conn:
                    cursor = await conn.execute(sql, args)
                    return await cursor.fetchall()
            except psycopg.OperationalError:
                await asyncio.sleep(0.5)
        raise RuntimeError("the drill's database did not answer for 30 s")

    async def truth(self) -> Truth:
        rows = await self._query(
            "SELECT version, timer_ends_at, timer_remaining, now() FROM program_livestate "
            "WHERE seminar_id = %s", self.seminar_id)
        version, ends_at, remaining, now = rows[0]
        if ends_at is not None:
            return Truth(version, True, max(0, round((ends_at - now).total_seconds() * 1000)))
        return Truth(version, False, remaining * 1000 if remaining is not None else None)

    async def ideas(self) -> list[tuple[str, int, str]]:
        return [(str(key), author, text) for key, author, text in await self._query(
            "SELECT key, author_id, text FROM program_idea WHERE item_id = %s", self.item_id)]

    async def presence(self) -> int:
        rows = await self._query(
            "SELECT coalesce(sum(count), 0) FROM seminar_screencount WHERE seminar_id = %s AND "
            "role = 'participant' AND updated_at >= now() - interval '90 seconds'", self.seminar_id)
        return int(rows[0][0])


def shows_truth(phone: Phone, truth: Truth, countdown: bool) -> bool:
    if not phone.connected or phone.version != truth.version:
        return False
    if not countdown:
        return True
    left = phone.remaining_ms()
    return (left is not None and phone.countdown[1] == truth.running
            and abs(left - (truth.remaining_ms or 0)) <= 2000)


async def converge(phones: list[Phone], db: Database, since: float, timeout: float,
                   countdown: bool = False) -> dict:
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
    reached = [max(p.seen.get(truth.version, since), p.connected_at, since)
               for p in phones if shows_truth(p, truth, countdown)]
    seconds = (max(reached) - since) if good == len(phones) and reached else None
    row = {"converged": good, "of": len(phones), "seconds": round(seconds, 2) if seconds is not None else None,
           "version": truth.version}
    stragglers = [p for p in phones if not shows_truth(p, truth, countdown)]
    if stragglers:  # what the first few show instead, to tell a stale phone from a dead one
        row["stragglers"] = [{"phone": p.index, "connected": p.connected, "version": p.version,
                              "countdown": [p.remaining_ms(), p.countdown and p.countdown[1]],
                              "connects": p.connects, "failed_connects": p.failed_connects}
                             for p in stragglers[:5]]
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
        body, content_type = multipart({"csrfmiddlewaretoken": csrf, "key": key, "text": text}, photo)
        status, answer, seconds = await http(rig.balancer, phone.index, "POST", rig.idea_path, body, content_type,
                                        f"csrftoken={csrf}; sessionid={phone.session}")
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
        return {"sent": len(self.sent), "stored": len(keys),
                "duplicated": sum(n - 1 for n in keys.values()) + sum(n - 1 for n in texts.values()),
                "lost": len(set(self.sent) - set(keys)),
                "acked_not_stored": len(self.acked - set(keys))}


class Facilitator:
    """The tablet: presses "Næste" (or a timer button) on the version the database has."""

    CSRF = "faultsbenchfacilitatorcsrf012345"

    def __init__(self, session: str, balancer: Balancer, db: Database) -> None:
        self.session, self.balancer, self.db = session, balancer, db
        self.statuses: Counter = Counter()

    async def post(self, path: str, fields: dict[str, str], prefer: int = 0) -> tuple[int, bytes]:
        body = "&".join(f"{k}={v}" for k, v in {**fields, "csrfmiddlewaretoken": self.CSRF}.items()).encode()
        status, data, _ = await http(self.balancer, prefer, "POST", path, body,
                                     "application/x-www-form-urlencoded",
                                     f"csrftoken={self.CSRF}; sessionid={self.session}")
        self.statuses[status] += 1
        return status, data

    async def step(self, version: int | None = None, prefer: int = 0) -> int:
        if version is None:
            version = (await self.db.truth()).version
        status, _ = await self.post(f"/s/{SLUG}/run/step/", {"version": str(version), "direction": "next"}, prefer)
        return status

    async def timer(self, action: str) -> int:
        version = (await self.db.truth()).version
        status, _ = await self.post(f"/s/{SLUG}/run/timer/", {"version": str(version), "action": action})
        return status

    @property
    def failed(self) -> int:
        return sum(n for status, n in self.statuses.items() if status == 0 or status >= 500)
