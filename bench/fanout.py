"""Fan-out benchmark: how fast does a facilitator's "Næste" reach every phone?

For each configuration and screen count it starts the real server(s) on a fresh
database, binds N participant phones, opens N websockets (200 at a time, each
waiting for its snapshot), then clicks "Næste" once a second (an htmx POST to
/s/<slug>/run/step/ from a small clicker process) and measures, per phone, the time
from the moment the POST is sent to the moment the frame carrying the new
`data-version` arrives at that socket.

Configurations:
  embedded  one daphne, SQLite, in-memory channel layer (what `make run` runs)
  redis     two daphne workers sharing Redis (REDIS_URL) and PostgreSQL
            (DATABASE_URL); sockets split evenly, POSTs to the first worker
  floor     a bare `websockets` server that broadcasts a frame of the same size to
            every client when it gets an HTTP POST: the best this machine and this
            client can do; the app is judged against it

    .venv/bin/python bench/fanout.py                      # 100, 500, 1000, 2000 screens
    .venv/bin/python bench/fanout.py --screens 1000 --json
    .venv/bin/python bench/fanout.py --configs embedded,floor --screens 2000

One load-generating process (this one: asyncio + the `websockets` client) plus one
tiny clicker process, so that the click's timestamps do not wait on this process's
busy event loop. Timestamps are time.monotonic() in both, which is system-wide on
Linux. docs/live.md has the figures and what they mean.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import gc
import json
import os
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DAPHNE = str(Path(sys.executable).parent / "daphne")
FIXTURE = ROOT / "fixtures" / "varde-2014.toml"
SLUG = "varde-2014"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_DB = "bench_fanout"
REDIS_URL = "redis://127.0.0.1:6379/15"
ROOT_MARK = b'id="phone-live"'
VERSION_MARK = b'data-version="'
CONFIGS = ("embedded", "redis", "floor")
DEFAULT_SCREENS = (100, 500, 1000, 2000)


# --------------------------------------------------------------------------- helpers


def raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def child_setup() -> None:
    """preexec_fn: more file descriptors, and die with the bench (PR_SET_PDEATHSIG)."""
    raise_fd_limit()
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"server on port {port} did not start in {timeout:.0f} s")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def parse_version(data: bytes) -> int | None:
    head = data[:300]
    at = head.find(VERSION_MARK)
    if at < 0:
        return None
    start = at + len(VERSION_MARK)
    return int(head[start : head.index(b'"', start)])


# --------------------------------------------------------------------------- set-up


def setup_main(screens: int) -> None:
    """Runs in a subprocess with the configuration's environment: fresh DB, people, sessions."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seminar.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Permission, User
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from seminar.access import PARTICIPANT_KEY
    from seminar.models import CODE_ALPHABET, CODE_LENGTH, Department, Participant, Seminar

    call_command("migrate", "--noinput", verbosity=0)
    call_command("import_program", str(FIXTURE), stdout=open(os.devnull, "w"))
    seminar = Seminar.objects.get(slug=SLUG)
    expires = timezone.now() + timezone.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    store = SessionStore()
    key_chars = "abcdefghijklmnopqrstuvwxyz0123456789"

    with transaction.atomic():
        departments = [
            Department.objects.get_or_create(seminar=seminar, name=f"Bench {n}")[0]
            for n in range(8)
        ]
        codes: set[str] = set(
            Participant.objects.filter(seminar=seminar).values_list("code", flat=True)
        )
        people = []
        for n in range(screens):
            code = get_random_string(CODE_LENGTH, CODE_ALPHABET)
            while code in codes:
                code = get_random_string(CODE_LENGTH, CODE_ALPHABET)
            codes.add(code)
            people.append(
                Participant(
                    seminar=seminar,
                    name=f"Deltager {n}",
                    department=departments[n % len(departments)],
                    code=code,
                )
            )
        people = Participant.objects.bulk_create(people)
        if any(p.pk is None for p in people):  # backends without RETURNING
            people = list(
                Participant.objects.filter(seminar=seminar, name__startswith="Deltager ").order_by(
                    "pk"
                )
            )
        user = User.objects.create_user("bench-facilitator", password=secrets.token_urlsafe(16))
        user.user_permissions.add(Permission.objects.get(codename="facilitate"))
        seminar.facilitators.add(user)
        sessions, phone_keys = [], []
        for person in people:
            key = get_random_string(32, key_chars)
            data = store.encode({PARTICIPANT_KEY: {str(seminar.pk): person.pk}})
            sessions.append(Session(session_key=key, session_data=data, expire_date=expires))
            phone_keys.append(key)
        facilitator_key = get_random_string(32, key_chars)
        sessions.append(
            Session(
                session_key=facilitator_key,
                expire_date=expires,
                session_data=store.encode(
                    {
                        SESSION_KEY: str(user.pk),
                        BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                        HASH_SESSION_KEY: user.get_session_auth_hash(),
                    }
                ),
            )
        )
        Session.objects.bulk_create(sessions, batch_size=500)
    json.dump(
        {"seminar_id": seminar.pk, "phones": phone_keys, "facilitator": facilitator_key}, sys.stdout
    )


def pg_recreate() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {PG_DB}")


def pg_drop() -> None:
    import psycopg

    with contextlib.suppress(Exception), psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")


# --------------------------------------------------------------------------- clicker


def clicker_main() -> None:
    """A tiny process that POSTs on request and reports monotonic send/answer times.

    Separate from the load generator so that neither timestamp waits for its event loop.
    """
    import http.client

    for line in sys.stdin:
        job = json.loads(line)
        conn = http.client.HTTPConnection("127.0.0.1", job["port"], timeout=30)
        try:
            conn.connect()
            body = job["body"].encode()
            t0 = time.monotonic()
            conn.request("POST", job["path"], body=body, headers=job["headers"])
            response = conn.getresponse()
            data = response.read()
            t1 = time.monotonic()
            result = {"t0": t0, "t1": t1, "status": response.status, "version": parse_version(data)}
        except Exception as error:  # reported, not raised: the bench decides
            result = {
                "t0": time.monotonic(),
                "t1": time.monotonic(),
                "status": 0,
                "error": repr(error),
            }
        finally:
            conn.close()
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


class Clicker:
    def __init__(self) -> None:
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            PYTHON,
            __file__,
            "_clicker",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            preexec_fn=child_setup,
        )

    async def click(self, port: int, path: str, body: str, headers: dict[str, str]) -> dict:
        assert self.proc and self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(
            (
                json.dumps({"port": port, "path": path, "body": body, "headers": headers}) + "\n"
            ).encode()
        )
        await self.proc.stdin.drain()
        return json.loads(await self.proc.stdout.readline())

    async def stop(self) -> None:
        if self.proc and self.proc.returncode is None:
            self.proc.stdin.close()
            try:
                await asyncio.wait_for(self.proc.wait(), 5)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()


# --------------------------------------------------------------------------- floor server


def floor_main(ws_port: int, trigger_port: int, frame_bytes: int) -> None:
    """A bare websockets broadcast: snapshot on connect, one frame to all on each POST."""
    from websockets.asyncio.server import broadcast, serve

    raise_fd_limit()
    connections: set = set()
    version = 1

    def frame(v: int) -> str:
        head = f'<div id="phone-live" data-version="{v}">'
        return head + "x" * max(0, frame_bytes - len(head) - 6) + "</div>"

    async def handler(ws) -> None:
        connections.add(ws)
        try:
            await ws.send(frame(version))
            await ws.wait_closed()
        finally:
            connections.discard(ws)

    async def trigger(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal version
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                await reader.readexactly(length)
                version += 1
                broadcast(connections, frame(version))
                body = f'<div id="tablet-live" data-version="{version}"></div>'.encode()
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                    + str(len(body)).encode()
                    + b"\r\n\r\n"
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        async with serve(
            handler, "127.0.0.1", ws_port, compression=None, ping_interval=None, max_size=None
        ):
            server = await asyncio.start_server(trigger, "127.0.0.1", trigger_port)
            async with server:
                await asyncio.Future()

    asyncio.run(main())


# --------------------------------------------------------------------------- servers


@dataclass
class Server:
    """The processes of one configuration and how to reach them."""

    config: str
    ws_ports: list[int]
    click_port: int
    procs: list[subprocess.Popen] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)
    probes: list[Path] = field(default_factory=list)
    sessions: dict | None = None

    def ws_url(self, index: int) -> tuple[str, int]:
        port = self.ws_ports[index % len(self.ws_ports)]
        path = "/" if self.config == "floor" else f"/ws/s/{SLUG}/participant/"
        return f"ws://127.0.0.1:{port}{path}", port

    def stop(self) -> None:
        stop_processes(self.procs)

    def log_tail(self, lines: int = 30) -> str:
        out = []
        noise = ("WSCONNECT", "WSDISCONNECT", "HTTP POST", '"POST ', "took too long to shut down")
        for log in self.logs:
            with contextlib.suppress(OSError):
                text = [
                    line
                    for line in log.read_text(errors="replace").splitlines()
                    if not any(word in line for word in noise)
                ][-lines:]
                out.append(f"--- {log.name}\n" + "\n".join(text))
        return "\n".join(out)


def stop_processes(procs: list[subprocess.Popen]) -> None:
    """Terminate, wait up to 5 s each, then kill."""
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def app_env(
    config: str, workdir: Path, secret: str, base_port: int, screens: int
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "DEBUG")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "seminar.settings",
            "SECRET_KEY": secret,
            "BASE_URL": f"http://127.0.0.1:{base_port}",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "VAR_DIR": str(workdir),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    if config == "embedded":
        env["DATABASE_URL"] = (
            f"sqlite:///{workdir / f'embedded-{screens}-{secrets.token_hex(3)}.sqlite3'}"
        )
    else:
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
        env["REDIS_URL"] = REDIS_URL
    return env


def start_app(config: str, screens: int, workdir: Path, secret: str, probe: bool = False) -> Server:
    workers = 2 if config == "redis" else 1
    ports = [free_port() for _ in range(workers)]
    server = Server(config, ports, ports[0])
    env = app_env(config, workdir, secret, ports[0], screens)
    if config == "redis":
        pg_recreate()
    setup = subprocess.run(
        [PYTHON, __file__, "_setup", str(screens)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=child_setup,
    )
    if setup.returncode != 0:
        raise RuntimeError(f"set-up failed:\n{setup.stderr[-3000:]}")
    server.sessions = json.loads(setup.stdout)
    try:
        app = "bench.fanout:probe_application" if probe else "seminar.asgi:application"
        for n, port in enumerate(ports):
            log = workdir / f"daphne-{config}-{screens}-{n}.log"
            server.logs.append(log)
            worker_env = dict(env)
            if probe:
                server.probes.append(workdir / f"probe-{config}-{screens}-{n}.jsonl")
                worker_env[PROBE_ENV] = str(server.probes[-1])
            server.procs.append(
                subprocess.Popen(
                    [DAPHNE, "-b", "127.0.0.1", "-p", str(port), app],
                    cwd=ROOT,
                    env=worker_env,
                    stdout=log.open("w"),
                    stderr=subprocess.STDOUT,
                    preexec_fn=child_setup,
                )
            )
        for port, proc in zip(ports, server.procs, strict=True):
            wait_for_port(port, proc)
    except BaseException:
        server.stop()
        raise
    return server


def start_floor(frame_bytes: int, workdir: Path) -> Server:
    ws_port, trigger_port = free_port(), free_port()
    server = Server("floor", [ws_port], trigger_port)
    log = workdir / "floor.log"
    server.logs.append(log)
    server.procs.append(
        subprocess.Popen(
            [PYTHON, __file__, "_floor", str(ws_port), str(trigger_port), str(frame_bytes)],
            cwd=ROOT,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            preexec_fn=child_setup,
        )
    )
    try:
        wait_for_port(ws_port, server.procs[0])
        wait_for_port(trigger_port, server.procs[0])
    except BaseException:
        server.stop()
        raise
    return server


# --------------------------------------------------------------------------- clients


class Screens:
    """N phone sockets in this process; records when each frame version arrives."""

    def __init__(self) -> None:
        self.sockets: list = []
        self.tasks: list[asyncio.Task] = []
        self.arrivals: dict[int, dict[int, float]] = {}
        self.sizes: list[int] = []
        self.closed_early = 0
        self.snapshot_versions: set[int] = set()
        self.retries = 0

    async def open(self, server: Server, count: int, batch: int, timeout: float) -> None:
        from websockets.asyncio.client import connect

        async def one(index: int) -> None:
            url, port = server.ws_url(index)
            headers = [("Accept-Language", "da" if (index // 2) % 2 == 0 else "en")]
            if server.sessions:
                headers.append(("Cookie", f"sessionid={server.sessions['phones'][index]}"))
            # Behind the proxy every worker serves BASE_URL's origin (the first port here);
            # the socket guard compares scheme, host and port.
            ws = await connect(
                url,
                origin=f"http://127.0.0.1:{server.click_port}",
                additional_headers=headers,
                compression=None,
                ping_interval=None,
                max_size=None,
                open_timeout=timeout,
                close_timeout=1,
                user_agent_header=None,
            )
            try:
                while True:  # the snapshot: the first frame for this audience
                    data = await asyncio.wait_for(ws.recv(decode=False), timeout)
                    if ROOT_MARK in data[:200]:
                        self.snapshot_versions.add(parse_version(data))
                        break
            except BaseException:
                ws.transport.abort()
                raise
            self.sockets.append(ws)
            self.tasks.append(asyncio.create_task(self.read(index, ws)))

        # Daphne drops a handshake its application has not accepted within 5 s; on a busy
        # machine a batch can take longer than that. Failed sockets are retried (phones
        # retry too) in smaller batches.
        pending, size = list(range(count)), batch
        while pending:
            chunk, pending = pending[:size], pending[size:]
            results = await asyncio.gather(*(one(i) for i in chunk), return_exceptions=True)
            failed = [
                (i, r) for i, r in zip(chunk, results, strict=True) if isinstance(r, BaseException)
            ]
            if failed:
                self.retries += len(failed)
                if self.retries > max(50, count):
                    raise failed[0][1]
                size = max(10, size // 2)
                pending = [i for i, _ in failed] + pending
                await asyncio.sleep(1.0)

    async def read(self, index: int, ws) -> None:
        arrivals, sizes = self.arrivals, self.sizes
        try:
            while True:
                data = await ws.recv(decode=False)
                now = time.monotonic()
                if ROOT_MARK not in data[:200]:
                    continue  # another audience's frame (none expected on a phone)
                version = parse_version(data)
                if version is not None:
                    arrivals.setdefault(version, {}).setdefault(index, now)
                    sizes.append(len(data))
        except asyncio.CancelledError:
            raise
        except Exception:
            self.closed_early += 1

    def count(self, version: int) -> int:
        return len(self.arrivals.get(version, ()))

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        for ws in self.sockets:
            with contextlib.suppress(Exception):
                ws.transport.abort()
        self.sockets.clear()
        self.tasks.clear()


# --------------------------------------------------------------------------- one run


@dataclass
class Options:
    advances: int
    interval: float
    batch: int
    grace: float
    connect_timeout: float
    py_spy: Path | None = None
    quiet_wait: float = 0.0
    probe_events: Path | None = None


async def wait_for_quiet(ours: list, limit: float, threshold: float = 25.0) -> float:
    """On a shared machine: wait (up to `limit` s) until others use under `threshold` % CPU."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        busy0, ours0 = machine_busy_seconds(), cpu_seconds(ours)
        await asyncio.sleep(1.0)
        others = machine_busy_seconds() - busy0 - (cpu_seconds(ours) - ours0)
        if others * 100 < threshold:
            break
    return time.monotonic() - started


def start_py_spy(server: Server, screens: int, opts: Options) -> subprocess.Popen | None:
    """Sample the first server process over the measured advances (folded stacks)."""
    if opts.py_spy is None:
        return None
    opts.py_spy.mkdir(parents=True, exist_ok=True)
    out = opts.py_spy / f"{server.config}-{screens}.folded"
    seconds = max(1, round(opts.advances * opts.interval))
    return subprocess.Popen(
        [
            str(Path(sys.executable).parent / "py-spy"),
            "record",
            "--pid",
            str(server.procs[0].pid),
            "--rate",
            "500",
            "--duration",
            str(seconds),
            "--format",
            "raw",
            "--nonblocking",
            "--gil",
            "--threads",
            "--output",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=child_setup,
    )


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine spent busy so far (all cores)."""
    import psutil

    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def service_processes() -> list:
    """Redis and PostgreSQL server processes (their CPU is part of the redis configuration)."""
    import psutil

    found = []
    for proc in psutil.process_iter(["name"]):
        if proc.info["name"] in ("redis-server", "postgres"):
            found.append(proc)
    return found


def cpu_seconds(procs: list) -> float:
    total = 0.0
    for proc in procs:
        with contextlib.suppress(Exception):
            times = proc.cpu_times()
            total += times.user + times.system
    return total


async def measure(server: Server, screens: int, opts: Options, clicker: Clicker) -> dict:
    import psutil

    clients = Screens()
    me = psutil.Process()
    procs = [psutil.Process(p.pid) for p in server.procs]
    started = time.monotonic()
    try:
        await clients.open(server, screens, opts.batch, opts.connect_timeout)
        connect_s = time.monotonic() - started
        # Let presence bookkeeping settle (debounced flushes) and freeze our own heap.
        await asyncio.sleep(1.5)
        gc.collect()
        gc.freeze()

        csrf = get_csrf()
        cookie = f"csrftoken={csrf}"
        if server.sessions:
            cookie += f"; sessionid={server.sessions['facilitator']}"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "HX-Request": "true",
            "Origin": f"http://127.0.0.1:{server.click_port}",
            "Cookie": cookie,
            "Host": f"127.0.0.1:{server.click_port}",
        }
        path = "/" if server.config == "floor" else f"/s/{SLUG}/run/step/"
        if len(clients.snapshot_versions) != 1:
            raise RuntimeError(f"snapshots disagree on the version: {clients.snapshot_versions}")
        version = clients.snapshot_versions.pop()

        clicks: list[dict] = []

        async def advance() -> dict:
            nonlocal version
            body = f"version={version}&direction=next&csrfmiddlewaretoken={csrf}"
            result = await clicker.click(server.click_port, path, body, headers)
            if result.get("status") != 200:
                raise RuntimeError(f"click failed: {result}\n{server.log_tail()}")
            if result.get("version") != version + 1:
                raise RuntimeError(
                    f"click answered version {result.get('version')}, expected {version + 1}"
                )
            version += 1
            result["expect"] = version
            return result

        # One unmeasured advance: first POST through every code path.
        await advance()
        await asyncio.sleep(opts.interval)
        waited = await wait_for_quiet(procs + [me], opts.quiet_wait)

        spy = start_py_spy(server, screens, opts)
        services = service_processes() if server.config == "redis" else []
        busy0, svc0 = machine_busy_seconds(), cpu_seconds(services)
        load = os.getloadavg()[0]
        cpu0, mine0, wall0 = cpu_seconds(procs), cpu_seconds([me]), time.monotonic()
        tick = time.monotonic()
        for _ in range(opts.advances):
            clicks.append(await advance())
            tick += opts.interval
            await asyncio.sleep(max(0.0, tick - time.monotonic()))
        deadline = time.monotonic() + opts.grace
        while time.monotonic() < deadline and clients.count(version) < screens:
            await asyncio.sleep(0.02)
        wall = time.monotonic() - wall0
        cpu, mine = cpu_seconds(procs) - cpu0, cpu_seconds([me]) - mine0
        svc = cpu_seconds(services) - svc0
        others = max(0.0, machine_busy_seconds() - busy0 - cpu - mine - svc)
        rss = sum(p.memory_info().rss for p in procs if p.is_running()) / 2**20
        while spy is not None and spy.poll() is None:
            await asyncio.sleep(0.1)

        latencies, lost, per_advance = [], 0, []
        for click in clicks:
            got = clients.arrivals.get(click["expect"], {})
            lost += screens - len(got)
            these = [(t - click["t0"]) * 1000 for t in got.values()]
            latencies.extend(these)
            per_advance.append(
                [
                    click["expect"],
                    round(percentile(these, 50), 1),
                    round(percentile(these, 99), 1),
                    round((click["t1"] - click["t0"]) * 1000, 1),
                ]
            )
        click_ms = [(c["t1"] - c["t0"]) * 1000 for c in clicks]
        measured_sizes = clients.sizes[-screens * opts.advances :]
        return {
            "config": server.config,
            "screens": screens,
            "advances": len(clicks),
            "p50_ms": round(percentile(latencies, 50), 1),
            "p99_ms": round(percentile(latencies, 99), 1),
            "max_ms": round(max(latencies, default=float("nan")), 1),
            "lost": lost,
            "click_ms": round(statistics.median(click_ms), 1),
            "click_max_ms": round(max(click_ms), 1),
            "cpu_s": round(cpu, 2),
            "cpu_ms_per_advance": round(cpu * 1000 / len(clicks), 1),
            "server_cpu_pct": round(100 * cpu / wall, 1),
            "client_cpu_pct": round(100 * mine / wall, 1),
            "services_cpu_pct": round(100 * svc / wall, 1),
            "other_cpu_pct": round(100 * others / wall, 1),
            "loadavg": round(load, 1),
            "quiet_wait_s": round(waited, 1),
            "rss_mb": round(rss, 1),
            "frame_bytes": round(statistics.mean(measured_sizes)) if measured_sizes else 0,
            "connect_s": round(connect_s, 1),
            "connect_retries": clients.retries,
            # [version, p50 ms, p99 ms, click ms] for each measured advance
            "per_advance": per_advance,
            "closed_early": clients.closed_early,
            **(
                {"probe": read_probe(server.probes, clicks, opts.probe_events)}
                if server.probes
                else {}
            ),
        }
    finally:
        await clients.close()
        gc.unfreeze()
        gc.collect()


def get_csrf() -> str:
    return "".join(
        secrets.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in range(32)
    )


async def run_one(
    config: str,
    screens: int,
    opts: Options,
    clicker: Clicker,
    workdir: Path,
    frame_bytes: int,
    secret: str,
    probe: bool,
) -> dict:
    # Started from the main thread on purpose: PR_SET_PDEATHSIG follows the forking thread.
    if config == "floor":
        server = start_floor(frame_bytes, workdir)
    else:
        server = start_app(config, screens, workdir, secret, probe)
    try:
        return await measure(server, screens, opts, clicker)
    except Exception as error:
        tail = server.log_tail()
        where = "".join(traceback.format_exception(error)[-3:])
        raise RuntimeError(f"{config} at {screens} screens: {error!r}\n{where}\n{tail}") from error
    finally:
        server.stop()
        if config == "redis":
            pg_drop()


# --------------------------------------------------------------------------- probe (--probe)
#
# `--probe` serves the app as `bench.fanout:probe_application`: the real application with
# timing wrappers around the live path (view, on_commit callback, frame rendering, layer
# hand-off, the relay's fan-out), GC pauses and event-loop lag, written as JSON lines to
# $FANOUT_PROBE. The bench lines them up with its clicks to show where the time goes.

PROBE_ENV = "FANOUT_PROBE"
_probe_application = None


def __getattr__(name: str):
    if name == "probe_application":
        return install_probe()
    raise AttributeError(name)


def install_probe():
    global _probe_application
    if _probe_application is not None:
        return _probe_application
    import functools
    import threading

    out = open(os.environ[PROBE_ENV], "a", buffering=1)
    lock = threading.Lock()

    def emit(*fields) -> None:
        line = json.dumps(fields) + "\n"
        with lock:
            out.write(line)

    gc_started = [0.0]

    def on_gc(phase: str, info: dict) -> None:
        now = time.monotonic()
        if phase == "start":
            gc_started[0] = now
        elif info["generation"] >= 1 or now - gc_started[0] > 0.001:
            emit("gc", info["generation"], gc_started[0], now, info.get("collected", 0))

    from seminar.asgi import application  # noqa: E402  (sets Django up, freezes the heap)

    gc.callbacks.append(on_gc)
    from django.db import transaction

    import program.selectors as selectors
    import program.views as views
    from program import screens
    from seminar import live
    from seminar.live import outbox, relay, transport

    def timed(name: str, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            t0 = time.monotonic()
            try:
                return fn(*args, **kwargs)
            finally:
                emit(name, threading.current_thread().name, t0, time.monotonic())

        return wrapper

    selectors.room = timed("room", selectors.room)
    views.step = timed("view", views.step)
    original_on_commit = transaction.on_commit

    def on_commit(func, using=None, robust=False):
        return original_on_commit(timed("on_commit", func), using=using, robust=robust)

    transaction.on_commit = on_commit
    original_frames = screens.room_frames

    def room_frames(seminar_id):
        started = time.monotonic()
        for audience, frame in original_frames(seminar_id):
            emit("render", audience, started, time.monotonic(), len(frame))
            yield audience, frame
            started = time.monotonic()

    screens.room_frames = room_frames
    for name in ("send_now", "render_and_send", "render_off_request"):
        setattr(outbox, name, timed(name, getattr(outbox, name)))
        setattr(live, name, getattr(outbox, name))  # the door calls them by its own names
    original_deliver = relay.Relay.deliver

    async def deliver(self, group, frame, *args, **kwargs):
        t0 = time.monotonic()
        count = await original_deliver(self, group, frame, *args, **kwargs)
        emit("deliver", group, t0, time.monotonic(), count, frame.startswith(live.CONTROL))
        return count

    relay.Relay.deliver = deliver
    original_send_frame = transport.send_frame

    async def send_frame(group, frame, origin=None):
        t0 = time.monotonic()
        await original_send_frame(group, frame, origin)
        emit("publish", group, t0, time.monotonic())

    transport.send_frame = send_frame
    lag_task: list = []

    async def sample_lag() -> None:
        step = 0.005
        while True:
            before = time.monotonic()
            await asyncio.sleep(step)
            late = time.monotonic() - before - step
            if late > 0.004:
                emit("lag", before + step, late)

    async def probe_application(scope, receive, send):
        if not lag_task:
            lag_task.append(asyncio.ensure_future(sample_lag()))
        if scope["type"] != "http" or scope.get("method") != "POST":
            return await application(scope, receive, send)
        t0 = time.monotonic()

        async def timed_send(message):
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                emit("http", scope["path"], t0, time.monotonic())

        return await application(scope, receive, timed_send)

    _probe_application = probe_application
    return probe_application


def read_probe(paths: list[Path], clicks: list[dict], events_to: Path | None = None) -> dict:
    """Average, over the measured advances, where the time between click and fan-out went."""
    events = []  # each event ends with the index of the worker that wrote it
    for worker, path in enumerate(paths):
        with contextlib.suppress(OSError):
            events += [
                [*json.loads(line), worker]
                for line in path.read_text().splitlines()
                if line.strip()
            ]
    workers = len(paths) > 1
    sums: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        sums.setdefault(key, []).append(value)

    for n, click in enumerate(clicks):
        t0 = click["t0"]
        t_end = clicks[n + 1]["t0"] if n + 1 < len(clicks) else t0 + 5
        window = [e for e in events if t0 <= (e[1] if e[0] == "lag" else e[2]) < t_end]
        if (
            events_to is not None
        ):  # each event as [version, kind, what, ms from click to start, to end, worker]
            with events_to.open("a") as out:
                for e in window:
                    start, end = (e[1], e[1] + e[2]) if e[0] == "lag" else (e[2], e[3])
                    out.write(
                        json.dumps(
                            [
                                click["expect"],
                                e[0],
                                e[1],
                                round((start - t0) * 1000, 2),
                                round((end - t0) * 1000, 2),
                                e[-1],
                            ]
                        )
                        + "\n"
                    )
        ends = [e[3] for e in window if e[0] == "deliver" and "participant" in e[1] and not e[5]]
        renders = [e for e in window if e[0] == "render"]
        add(
            f"advance to version {click['expect']}: last phone frame written",
            (max(ends) - t0) * 1000 if ends else float("nan"),
        )
        add(
            f"advance to version {click['expect']}: rendering, all frames",
            sum(e[3] - e[2] for e in renders) * 1000,
        )
        for e in window:
            kind = e[0]
            if kind == "http":
                add("request: click -> response sent (server side)", (e[3] - t0) * 1000)
                add("request: click -> request start", (e[2] - t0) * 1000)
            elif kind == "view":
                add("view (whole step view)", (e[3] - e[2]) * 1000)
            elif kind == "on_commit":
                add("commit: click -> on_commit callback", (e[2] - t0) * 1000)
                add("on_commit callback duration", (e[3] - e[2]) * 1000)
            elif kind == "room":
                add("selectors.room() each", (e[3] - e[2]) * 1000)
            elif kind == "render":
                add(f"render {e[1]}", (e[3] - e[2]) * 1000)
                if e[1].startswith("participant"):
                    add(f"render {e[1]}: click -> rendered", (e[3] - t0) * 1000)
            elif kind == "send_now":
                add("send_now (caller waits)", (e[3] - e[2]) * 1000)
            elif kind in ("render_and_send", "render_off_request"):
                add(f"{kind}: click -> start", (e[2] - t0) * 1000)
                add(f"{kind}: click -> done", (e[3] - t0) * 1000)
            elif kind == "publish" and "participant" in e[1]:
                audience = e[1].split("-", 2)[-1]  # seminar-<id>-<audience>
                add(f"publish {audience} to the layer: click -> start", (e[2] - t0) * 1000)
                add(f"publish {audience} to the layer: duration", (e[3] - e[2]) * 1000)
            elif (
                kind == "deliver" and "participant" in e[1] and not e[5]
            ):  # frames, not instructions
                audience = e[1].split("-", 2)[-1]
                who = f"deliver {audience} (worker {e[-1]})" if workers else f"deliver {audience}"
                add(f"{who}: click -> start", (e[2] - t0) * 1000)
                add(f"{who}: click -> end", (e[3] - t0) * 1000)
                add(f"{who}: duration", (e[3] - e[2]) * 1000)
                if e[4]:
                    add(f"{who}: us per socket", (e[3] - e[2]) * 1e6 / e[4])
            elif kind == "gc":
                add(f"gc gen{e[1]} pause", (e[3] - e[2]) * 1000)
            elif kind == "lag":
                add("event-loop lag > 4 ms", e[2] * 1000)
    advances = max(1, len(clicks))
    report = {}
    for key, values in sorted(sums.items()):
        report[key] = {
            "median": round(statistics.median(values), 2),
            "mean": round(statistics.mean(values), 2),
            "max": round(max(values), 2),
            "per_advance": round(len(values) / advances, 2),
        }
    return report


# --------------------------------------------------------------------------- report


COLUMNS = [
    ("config", "config", "{}"),
    ("screens", "screens", "{}"),
    ("p50_ms", "p50 ms", "{:.1f}"),
    ("p99_ms", "p99 ms", "{:.1f}"),
    ("max_ms", "max ms", "{:.1f}"),
    ("p99_vs_floor", "p99/floor", "{}"),
    ("lost", "lost", "{}"),
    ("click_ms", "click p50", "{:.1f}"),
    ("click_max_ms", "click max", "{:.1f}"),
    ("cpu_ms_per_advance", "cpu ms/adv", "{:.1f}"),
    ("server_cpu_pct", "srv cpu%", "{:.0f}"),
    ("client_cpu_pct", "cli cpu%", "{:.0f}"),
    ("services_cpu_pct", "db+redis cpu%", "{:.0f}"),
    ("other_cpu_pct", "other cpu%", "{:.0f}"),
    ("rss_mb", "rss MB", "{:.0f}"),
    ("frame_bytes", "frame B", "{}"),
    ("connect_s", "connect s", "{:.1f}"),
]


def table(rows: list[dict]) -> str:
    cells = [[title for _, title, _ in COLUMNS]]
    for row in rows:
        cells.append(
            [fmt.format(row[key]) if row.get(key) is not None else "-" for key, _, fmt in COLUMNS]
        )
    widths = [max(len(r[i]) for r in cells) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    out = []
    for row in rows:
        if row["config"] == "floor":
            continue
        misses = []
        if row["lost"]:
            misses.append(f"lost {row['lost']}")
        if row["click_max_ms"] >= 50:
            misses.append(f"click max {row['click_max_ms']} ms")
        ratio = row.get("p99_vs_floor")
        if ratio is not None and ratio > 2.5:
            misses.append(f"p99 {ratio}x floor")
        state = "ok" if not misses else "MISSED: " + ", ".join(misses)
        out.append(f"{row['config']:>8} @ {row['screens']:>5}: {state}")
    return out


# --------------------------------------------------------------------------- main


async def main_async(args: argparse.Namespace) -> int:
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = set(configs) - set(CONFIGS)
    if unknown:
        raise SystemExit(f"unknown configuration(s): {', '.join(sorted(unknown))}")
    # The floor runs last for each size, with the frame size the app sent in this run.
    configs = [c for c in CONFIGS if c in configs]
    sizes = [int(s) for s in args.screens.split(",")] if args.screens else list(DEFAULT_SCREENS)
    opts = Options(
        args.advances,
        args.interval,
        args.batch,
        args.grace,
        args.connect_timeout,
        Path(args.py_spy) if args.py_spy else None,
        args.quiet_wait,
        Path(args.probe_events) if args.probe_events else None,
    )
    secret = secrets.token_urlsafe(50)
    clicker = Clicker()
    await clicker.start()
    rows: list[dict] = []
    failed = False
    workdir = Path(tempfile.mkdtemp(prefix="fanout-"))
    try:
        for screens in sizes:
            size_rows: list[dict] = []
            for config in configs:
                frame_bytes = (
                    args.frame_bytes
                    or next((r["frame_bytes"] for r in size_rows if r["frame_bytes"]), 0)
                    or next(
                        (
                            r["frame_bytes"]
                            for r in rows
                            if r["frame_bytes"] and r["config"] != "floor"
                        ),
                        3000,
                    )
                )
                try:
                    row = await asyncio.wait_for(
                        run_one(
                            config, screens, opts, clicker, workdir, frame_bytes, secret, args.probe
                        ),
                        timeout=args.config_timeout + args.quiet_wait,
                    )
                except Exception as error:
                    failed = True
                    print(f"# {config} @ {screens}: FAILED: {error!r}", file=sys.stderr)
                    continue
                size_rows.append(row)
                if not args.json:
                    print(
                        f"# {config} @ {screens}: p99 {row['p99_ms']} ms, lost {row['lost']}, "
                        f"click {row['click_ms']} ms",
                        file=sys.stderr,
                    )
            floor = next((r for r in size_rows if r["config"] == "floor"), None)
            for row in size_rows:
                row["p99_vs_floor"] = (
                    round(row["p99_ms"] / floor["p99_ms"], 2)
                    if floor and row is not floor and floor["p99_ms"] > 0
                    else None
                )
                if args.json:
                    print(json.dumps(row), flush=True)
            rows.extend(size_rows)
    finally:
        await clicker.stop()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if not args.json:
        print(table(rows))
        print()
        print("\n".join(verdicts(rows)))
        for row in rows:
            if row.get("probe"):
                print(
                    f"\nwhere the time goes: {row['config']} @ {row['screens']} "
                    "(ms from the click unless noted; median / mean / max / events per advance)"
                )
                for key, value in row["probe"].items():
                    print(
                        f"  {key:<52} {value['median']:>8.2f} {value['mean']:>8.2f}"
                        f" {value['max']:>8.2f}"
                        f" {value['per_advance']:>6}"
                    )
    return 1 if failed else 0


def interrupted(signum, frame) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_setup":
        setup_main(int(sys.argv[2]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "_clicker":
        clicker_main()
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "_floor":
        floor_main(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
        return 0

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--screens", help="comma-separated screen counts (default 100,500,1000,2000)"
    )
    parser.add_argument("--configs", default=",".join(CONFIGS), help="embedded,redis,floor")
    parser.add_argument("--advances", type=int, default=15, help="measured advances per run")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between advances")
    parser.add_argument("--batch", type=int, default=200, help="sockets opened at a time")
    parser.add_argument("--grace", type=float, default=5.0, help="seconds to wait for late frames")
    parser.add_argument("--connect-timeout", type=float, default=60.0)
    parser.add_argument(
        "--config-timeout",
        type=float,
        default=240.0,
        help="upper bound for one configuration at one size, seconds",
    )
    parser.add_argument(
        "--frame-bytes", type=int, default=0, help="floor frame size (default: the app's)"
    )
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="scheduling priority for the bench and every process it starts "
        "(e.g. -10 as root on a shared machine; others' load is reported)",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="before measuring, wait up to this long for other processes to "
        "use under 25%% of a core (shared machines)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, SQLite)")
    parser.add_argument(
        "--py-spy",
        metavar="DIR",
        help="sample the (first) server with py-spy over the advances into DIR",
    )
    parser.add_argument(
        "--probe",
        action="store_true",
        help="serve the app with timing probes and print where the time goes",
    )
    parser.add_argument(
        "--probe-events",
        metavar="FILE",
        help="with --probe: append every probed event, in ms from its click, to FILE",
    )
    args = parser.parse_args()
    raise_fd_limit()
    if args.nice:
        # Inherited by every server, the clicker and the floor alike (fair comparison). With
        # autogroup scheduling a process's nice only counts inside its session's group, so
        # the group (this bench's session) gets the same nice where the kernel allows it.
        os.setpriority(os.PRIO_PROCESS, 0, args.nice)
        with contextlib.suppress(OSError):
            Path("/proc/self/autogroup").write_text(str(args.nice))
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGHUP, interrupted)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
