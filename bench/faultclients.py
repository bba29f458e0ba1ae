"""The people in bench/faults.py's room: phones that behave like static/js/live.js, a
facilitator's tablet that presses "Næste", and the truth read from the database.

A phone keeps one websocket open. It shows the newest `phone-live` frame it has had
(live.js swaps a region unless its `data-version` is older than the one shown) and the
countdown in it. When the socket closes it reconnects after 0.5-1 s, doubling up to
10 s; coming back online reconnects at once. The load balancer in front of the workers
is modelled too: a connection refused by one worker goes to the next (nginx's
`proxy_next_upstream error`), so phones of a dead worker land on a live one. Every request
and handshake carries what a browser behind nginx sends (docs/deploy.md): the one
BASE_URL as Origin and Host, whichever worker serves it, and the headers nginx sets
(X-Real-IP, X-Forwarded-For, X-Forwarded-Proto) with the phone's own address.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import re
import time
from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bench.fanout import SLUG

if TYPE_CHECKING:
    from bench.faulttruth import Database

LIVE = re.compile(rb'id="phone-live" data-version="(\d+)"')
COUNTDOWN = re.compile(rb'data-remaining-ms="(\d+)" data-running="([01])"')


class Balancer:
    """Which worker a phone's connection lands on: its own, else the next one that answers;
    and the headers nginx passes on (the Host and Origin are BASE_URL's for every worker)."""

    def __init__(self, ports: list[int], base_url: str) -> None:
        self.ports = ports
        self.origin = base_url.rstrip("/")
        self.host = urlsplit(self.origin).netloc
        self.scheme = urlsplit(self.origin).scheme

    def headers(self, client: int) -> list[tuple[str, str]]:
        """What nginx adds for a phone (`client`: its index; -1 the tablet) at its own address."""
        address = "10.20.255.1" if client < 0 else f"10.20.{client // 250}.{client % 250 + 1}"
        return [
            ("Origin", self.origin),
            ("X-Real-IP", address),
            ("X-Forwarded-For", address),
            ("X-Forwarded-Proto", self.scheme),
        ]

    def order(self, prefer: int) -> list[int]:
        n = len(self.ports)
        return [self.ports[(prefer + k) % n] for k in range(n)]


async def http(
    balancer: Balancer,
    prefer: int,
    method: str,
    path: str,
    body: bytes = b"",
    content_type: str = "",
    cookie: str = "",
    timeout: float = 30.0,
    client: int | None = None,
) -> tuple[int, bytes, float]:
    """One request on a fresh connection; (status, body, seconds). Status 0: no answer.
    `client` is who sends it (a phone's index, -1 the tablet; `prefer` unless given)."""
    started = time.monotonic()
    for port in balancer.order(prefer):
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 5)
        except (ConnectionRefusedError, TimeoutError, OSError):
            continue
        proxied = "".join(
            f"{name}: {value}\r\n"
            for name, value in balancer.headers(prefer if client is None else client)
        )
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {balancer.host}\r\n{proxied}"
            f"Content-Length: {len(body)}\r\nCookie: {cookie}\r\nHX-Request: true\r\n"
            f"Accept-Language: da\r\nConnection: close\r\n"
        )
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
                    # The address is BASE_URL's (its Host header); the connection goes to `port`.
                    ws = await connect(
                        f"ws://{self.balancer.host}/ws/s/{SLUG}/participant/",
                        host="127.0.0.1",
                        port=port,
                        proxy=None,
                        origin=self.balancer.origin,
                        additional_headers=[
                            *self.balancer.headers(self.index)[1:],
                            ("Cookie", f"sessionid={self.session}"),
                            ("Accept-Language", "da"),
                        ],
                        compression=None,
                        ping_interval=None,
                        max_size=None,
                        open_timeout=10,
                        close_timeout=1,
                        user_agent_header=None,
                    )
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
        self.countdown = (
            (int(countdown.group(1)), countdown.group(2) == b"1", now) if countdown else None
        )

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


class Facilitator:
    """The tablet: presses "Næste" (or a timer button) on the version the database has."""

    CSRF = "faultsbenchfacilitatorcsrf012345"

    def __init__(self, session: str, balancer: Balancer, db: Database) -> None:
        self.session, self.balancer, self.db = session, balancer, db
        self.statuses: Counter = Counter()

    async def post(self, path: str, fields: dict[str, str], prefer: int = 0) -> tuple[int, bytes]:
        body = "&".join(
            f"{k}={v}" for k, v in {**fields, "csrfmiddlewaretoken": self.CSRF}.items()
        ).encode()
        status, data, _ = await http(
            self.balancer,
            prefer,
            "POST",
            path,
            body,
            "application/x-www-form-urlencoded",
            f"csrftoken={self.CSRF}; sessionid={self.session}",
            client=-1,
        )
        self.statuses[status] += 1
        return status, data

    async def timer(self, action: str) -> int:
        version = (await self.db.truth()).version
        status, _ = await self.post(
            f"/s/{SLUG}/run/timer/", {"version": str(version), "action": action}
        )
        return status

    @property
    def failed(self) -> int:
        return sum(n for status, n in self.statuses.items() if status == 0 or status >= 500)
