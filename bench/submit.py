"""Submission burst: 500 phones each send a brainstorm idea within 10 s; how fast, how complete?

For each configuration it starts the real server(s) on a fresh database with the
reference program, seats N participants at tables of six (the brainstorm's grouping),
makes the brainstorm the current item, has every phone load its page (unmeasured: a
phone that sends an idea has the page open), opens one websocket as the projector, and
then lets N phones POST one idea each (multipart, like the phone's form; about 10 % with a
640x480 JPEG) spread evenly over the window. About 5 % of the phones send their idea a
second time with the same idempotency key, as a phone on poor Wi-Fi would.

It prints p50/p95/max request time, ideas stored (must equal N, no duplicates), and how
long after the last send the projector's wall shows the last idea and the full count.

Configurations:
  embedded   one daphne, SQLite, in-memory channel layer (what `make run` runs)
  postgres   one daphne, PostgreSQL (a fresh database), in-memory channel layer
  postgres2  two daphne workers sharing PostgreSQL and Redis; phones split evenly,
             the projector on the second worker (so the wall crosses processes)

    .venv/bin/python bench/submit.py                       # embedded and postgres, 500 phones
    .venv/bin/python bench/submit.py --configs postgres2 --phones 500 --json

Server start-up, process handling and percentiles come from bench/fanout.py.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fanout import (  # noqa: E402
    DAPHNE,
    PYTHON,
    ROOT,
    SLUG,
    app_env,
    child_setup,
    free_port,
    percentile,
    raise_fd_limit,
    setup_main,
    stop_processes,
    wait_for_port,
)

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/0"
CONFIGS = ("embedded", "postgres", "postgres2")
BRAINSTORM = "brainstorm"
COUNT = re.compile(rb'class="wall-count">(\d+)')


# --------------------------------------------------------------------------- set-up (subprocess)


def setup_tables_main(phones: int) -> None:
    """Fresh DB with N phones (fanout's set-up), then tables, the brainstorm on, a projector
    session."""
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        setup_main(phones)
    sessions = json.loads(captured.getvalue())
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from groups.models import Group, Membership, Round
    from program import selectors
    from program import services as program_services
    from program.models import AgendaItem
    from seminar.access import DISPLAY_KEY
    from seminar.models import Participant, Seminar

    seminar = Seminar.objects.get(slug=SLUG)
    item = (
        AgendaItem.objects.filter(day__seminar=seminar, kind=BRAINSTORM)
        .select_related("grouping")
        .first()
    )
    round_, _ = Round.objects.get_or_create(
        grouping=item.grouping, number=item.round_number, defaults={"published_at": timezone.now()}
    )
    people = list(Participant.objects.filter(seminar=seminar).order_by("pk"))
    tables = [
        Group.objects.create(round=round_, number=n + 1, name=f"Bord {n + 1}")
        for n in range((len(people) + 5) // 6)
    ]
    Membership.objects.bulk_create(
        Membership(round=round_, group=tables[i // 6], participant=p) for i, p in enumerate(people)
    )
    program_services.jump(seminar=seminar, version=selectors.live_state(seminar).version, item=item)
    display = SessionStore()
    display[DISPLAY_KEY] = [seminar.pk]
    display.create()
    sessions.update({"item": item.pk, "projector": display.session_key})
    json.dump(sessions, sys.stdout)


def count_main() -> None:
    """Ideas stored and duplicates (same author and key twice: the constraint forbids it)."""
    from django.db.models import Count

    from program.models import Idea

    ideas = Idea.objects.filter(item__kind=BRAINSTORM)
    doubled = ideas.values("author", "key").annotate(n=Count("pk")).filter(n__gt=1).count()
    json.dump(
        {
            "stored": ideas.count(),
            "authors": ideas.values("author").distinct().count(),
            "duplicates": doubled,
        },
        sys.stdout,
    )


def run_django(env: dict, *args: str, timeout: float = 300) -> dict:
    done = subprocess.run(
        [PYTHON, __file__, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=child_setup,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def django_entry() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seminar.settings")
    import django

    django.setup()


# --------------------------------------------------------------------------- servers


def pg_database(name: str, drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if not drop_only:
            conn.execute(f"CREATE DATABASE {name}")


class Servers:
    def __init__(self, config: str, workdir: Path, phones: int) -> None:
        self.config = config
        self.workers = 2 if config == "postgres2" else 1
        self.ports = [free_port() for _ in range(self.workers)]
        self.procs: list[subprocess.Popen] = []
        self.logs: list[Path] = []
        self.db = f"bench_submit_{secrets.token_hex(4)}" if config != "embedded" else None
        env = app_env("embedded", workdir, secrets.token_urlsafe(50), self.ports[0], phones)
        env["MEDIA_ROOT"] = str(workdir / f"media-{config}")
        if self.db:
            env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{self.db}"
            pg_database(self.db)
        else:
            env["DATABASE_URL"] = f"sqlite:///{workdir / f'submit-{config}.sqlite3'}"
        if config == "postgres2":
            env["REDIS_URL"] = REDIS_URL
            env["REDIS_PREFIX"] = f"bench-submit-{secrets.token_hex(3)}"
        self.env = env
        self.sessions = run_django(env, "_setup", str(phones))

    def start(self) -> None:
        for n, port in enumerate(self.ports):
            log = self.env["VAR_DIR"] + f"/daphne-submit-{self.config}-{n}.log"
            self.logs.append(Path(log))
            self.procs.append(
                subprocess.Popen(
                    [DAPHNE, "-b", "127.0.0.1", "-p", str(port), "seminar.asgi:application"],
                    cwd=ROOT,
                    env=self.env,
                    stdout=open(log, "w"),
                    stderr=subprocess.STDOUT,
                    preexec_fn=child_setup,
                )
            )
        for port, proc in zip(self.ports, self.procs, strict=True):
            wait_for_port(port, proc)

    def stop(self) -> None:
        stop_processes(self.procs)
        if self.db:
            with contextlib.suppress(Exception):
                pg_database(self.db, drop_only=True)

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(
            "\n".join(p.read_text(errors="replace").splitlines()[-lines:])
            for p in self.logs
            if p.exists()
        )


# --------------------------------------------------------------------------- phones and projector


def small_jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((640, 480), 40).convert("RGB").save(out, format="JPEG", quality=85)
    return out.getvalue()


def multipart(fields: dict[str, str], photo: bytes | None) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            ).encode()
        )
    if photo is not None:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="IMG.jpg"\r\n'
            f"Content-Type: image/jpeg\r\n\r\n".encode()
            + photo
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


async def post(
    port: int, path: str, body: bytes, content_type: str, cookie: str
) -> tuple[int, float]:
    """One request on a fresh connection, as a phone makes it; returns (status, seconds)."""
    started = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\nCookie: {cookie}\r\n"
        f"HX-Request: true\r\nAccept-Language: da\r\nConnection: close\r\n\r\n"
    )
    writer.write(head.encode() + body)
    await writer.drain()
    response = await reader.read()
    writer.close()
    status = int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0
    return status, time.monotonic() - started


async def open_pages(servers: "Servers", phones: int, at_once: int = 16) -> None:
    """Every phone loads its page first, as a phone that sends an idea has it open (not
    measured)."""
    queue = list(range(phones))

    async def opener() -> None:
        while queue:
            n = queue.pop()
            port = servers.ports[n % len(servers.ports)]
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(
                (
                    f"GET /s/{SLUG}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                    f"Cookie: sessionid={servers.sessions['phones'][n]}\r\nAccept-Language: da\r\n"
                    f"Connection: close\r\n\r\n"
                ).encode()
            )
            await writer.drain()
            await reader.read()
            writer.close()

    await asyncio.gather(*(opener() for _ in range(at_once)))


class Projector:
    """A websocket connected as the projector; notes when the wall first shows each count."""

    def __init__(self) -> None:
        self.counts: dict[int, float] = {}
        self.texts: dict[bytes, float] = {}
        self.task: asyncio.Task | None = None

    async def open(self, port: int, session: str, watch: list[bytes]) -> None:
        from websockets.asyncio.client import connect

        self.ws = await connect(
            f"ws://127.0.0.1:{port}/ws/s/{SLUG}/projector/",
            origin=f"http://127.0.0.1:{port}",
            additional_headers=[("Cookie", f"sessionid={session}"), ("Accept-Language", "da")],
            max_size=None,
            ping_interval=None,
            compression=None,
        )
        snapshot = await asyncio.wait_for(self.ws.recv(decode=False), 10)
        if b'id="idea-wall"' not in snapshot:
            raise RuntimeError("the projector's snapshot has no idea wall: is the brainstorm on?")
        self.watch = watch
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        with contextlib.suppress(Exception):
            while True:
                data = await self.ws.recv(decode=False)
                now = time.monotonic()
                if not data.startswith(b'<section id="idea-wall"'):
                    continue
                found = COUNT.search(data)
                if found:
                    self.counts.setdefault(int(found.group(1)), now)
                for text in self.watch:
                    if text in data:
                        self.texts.setdefault(text, now)

    async def close(self) -> None:
        if self.task:
            self.task.cancel()
        with contextlib.suppress(Exception):
            await self.ws.close()


async def burst(
    servers: Servers,
    phones: int,
    window: float,
    retry_share: float,
    photo_share: float,
    grace: float,
) -> dict:
    sessions = servers.sessions
    item, csrf = sessions["item"], secrets.token_hex(16)
    path = f"/s/{SLUG}/ideas/{item}/send/"
    photo = small_jpeg()
    rng = random.Random(7)
    retried = set(rng.sample(range(phones), round(phones * retry_share)))
    with_photo = set(rng.sample(range(phones), round(phones * photo_share)))
    texts = [f"Idé nr. {n} til målet".encode() for n in range(phones)]
    await open_pages(servers, phones)
    projector = Projector()
    await projector.open(servers.ports[-1], sessions["projector"], [texts[-1]])
    times: list[float] = []
    statuses: dict[int, int] = {}

    async def phone(n: int, delay: float) -> None:
        await asyncio.sleep(delay)
        fields = {"csrfmiddlewaretoken": csrf, "key": str(uuid.uuid4()), "text": texts[n].decode()}
        body, content_type = multipart(fields, photo if n in with_photo else None)
        cookie = f"csrftoken={csrf}; sessionid={sessions['phones'][n]}"
        port = servers.ports[n % len(servers.ports)]
        for _ in range(2 if n in retried else 1):
            status, seconds = await post(port, path, body, content_type, cookie)
            times.append(seconds)
            statuses[status] = statuses.get(status, 0) + 1

    start = time.monotonic()
    step = window / phones
    await asyncio.gather(*(phone(n, n * step) for n in range(phones)))
    last_done = time.monotonic()
    last_sent = start + (phones - 1) * step
    deadline = last_done + grace
    while time.monotonic() < deadline and phones not in projector.counts:
        await asyncio.sleep(0.02)
    await projector.close()
    stored = run_django(servers.env, "_count")
    wall_full = projector.counts.get(phones)
    last_seen = projector.texts.get(texts[-1])
    return {
        "config": servers.config,
        "phones": phones,
        "workers": servers.workers,
        "requests": len(times),
        "retries": len(retried),
        "with_photo": len(with_photo),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "p50_ms": round(percentile(times, 50) * 1000, 1),
        "p95_ms": round(percentile(times, 95) * 1000, 1),
        "max_ms": round(max(times) * 1000, 1),
        "send_s": round(last_done - start, 2),
        "stored": stored["stored"],
        "duplicates": stored["duplicates"],
        "wall_last_idea_ms": round((last_seen - last_sent) * 1000) if last_seen else None,
        "wall_complete_ms": round((wall_full - last_sent) * 1000) if wall_full else None,
        "wall_complete_after_last_answer_ms": round((wall_full - last_done) * 1000)
        if wall_full
        else None,
    }


def verdict(row: dict) -> str:
    misses = []
    if row["stored"] != row["phones"] or row["duplicates"]:
        misses.append(f"stored {row['stored']} of {row['phones']}, {row['duplicates']} duplicates")
    if row["p95_ms"] >= 300:
        misses.append(f"p95 {row['p95_ms']} ms")
    if row["wall_complete_ms"] is None or row["wall_complete_ms"] > 2000:
        misses.append(f"wall complete after {row['wall_complete_ms']} ms")
    return "ok" if not misses else "MISSED: " + "; ".join(misses)


async def main_async(args: argparse.Namespace) -> int:
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    if set(configs) - set(CONFIGS):
        raise SystemExit(
            f"unknown configuration(s): {', '.join(sorted(set(configs) - set(CONFIGS)))}"
        )
    workdir = Path(tempfile.mkdtemp(prefix="submit-"))
    failed = False
    try:
        for config in configs:
            servers = Servers(config, workdir, args.phones)
            try:
                servers.start()
                row = await asyncio.wait_for(
                    burst(servers, args.phones, args.window, args.retries, args.photos, args.grace),
                    300,
                )
            except Exception as error:
                failed = True
                print(f"# {config}: FAILED: {error}\n{servers.log_tail()}", file=sys.stderr)
                continue
            finally:
                servers.stop()
            row["verdict"] = verdict(row)
            failed |= row["verdict"] != "ok"
            if args.json:
                print(json.dumps(row), flush=True)
            else:
                print(
                    f"{config:>10}: p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms, "
                    f"max {row['max_ms']} ms; "
                    f"stored {row['stored']}/{row['phones']}, duplicates {row['duplicates']}; "
                    f"wall shows the last idea {row['wall_last_idea_ms']} ms and all "
                    f"{row['phones']} {row['wall_complete_ms']} ms after the last send; "
                    f"statuses {row['statuses']} -> {row['verdict']}",
                    flush=True,
                )
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in ("_setup", "_count"):
        django_entry()
        setup_tables_main(int(sys.argv[2])) if sys.argv[1] == "_setup" else count_main()
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--configs", default="embedded,postgres", help=",".join(CONFIGS))
    parser.add_argument("--phones", type=int, default=500)
    parser.add_argument(
        "--window", type=float, default=10.0, help="seconds over which the phones send"
    )
    parser.add_argument(
        "--retries", type=float, default=0.05, help="share of phones that send twice"
    )
    parser.add_argument("--photos", type=float, default=0.1, help="share of ideas with a photo")
    parser.add_argument("--grace", type=float, default=10.0, help="seconds to wait for the wall")
    parser.add_argument("--json", action="store_true", help="one JSON object per configuration")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temp dir (logs, SQLite, media)"
    )
    args = parser.parse_args()
    raise_fd_limit()
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
