"""The processes bench/faults.py breaks on purpose: a private PostgreSQL cluster, a private
Redis, a delaying proxy in front of Redis, and the app's daphne workers.

Everything here is the bench's own: a cluster made with initdb in a temp dir on a free
port, a redis-server on a free port, workers on free ports, all on 127.0.0.1. The
machine's shared PostgreSQL (5432) and Redis (6379) are never used, so a drill may stop,
restart and flush these at will.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fanout import (  # noqa: E402
    PYTHON,
    ROOT,
    app_env,
    child_setup,
    free_port,
    stop_processes,
    wait_for_port,
)

PG_BIN = Path("/usr/lib/postgresql/15/bin")
SEED_DB = "faults_seed"
# One key for the set-up and every worker: the seeded sessions are signed with it.
SECRET = secrets.token_urlsafe(50)


def _as_postgres() -> list[str]:
    """initdb and the server refuse to run as root: run them as the postgres user then."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class Postgres:
    """A throw-away cluster with trust auth on a free port."""

    def __init__(self, workdir: Path) -> None:
        self.dir = workdir / "pg"
        self.port = free_port()
        self.log = workdir / "postgres.log"

    def _ctl(self, *args: str, timeout: float = 60) -> None:
        subprocess.run(
            [
                *_as_postgres(),
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.dir),
                "-l",
                str(self.log),
                "-w",
                "-t",
                str(int(timeout)),
                *args,
            ],
            check=True,
            capture_output=True,
            timeout=timeout + 5,
        )

    def init(self) -> None:
        self.dir.mkdir(parents=True)
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            for path in (self.dir.parent, self.dir):
                os.chown(path, owner.pw_uid, owner.pw_gid)
            self.log.touch()
            os.chown(self.log, owner.pw_uid, owner.pw_gid)
        subprocess.run(
            [
                *_as_postgres(),
                str(PG_BIN / "initdb"),
                "-D",
                str(self.dir),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        with (self.dir / "postgresql.conf").open("a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.dir}'\nfsync = off\n"
                "synchronous_commit = off\nmax_connections = 200\n"
            )
        self.start()

    def start(self) -> None:
        self._ctl("start")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._ctl("stop", "-m", "fast")

    def restart(self) -> None:
        """What an operator's `systemctl restart postgresql` does: fast shutdown, start."""
        self._ctl("restart", "-m", "fast")

    def url(self, db: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{db}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)

    def copy_seed(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.admin(f"CREATE DATABASE {name} TEMPLATE {SEED_DB}")


class RedisServer:
    """A private redis-server without persistence; stop() and start() keep its port."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.dir = workdir / "redis"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
                "--protected-mode",
                "no",
            ],
            stdout=(self.dir / "redis.log").open("a"),
            stderr=subprocess.STDOUT,
            preexec_fn=child_setup,
        )
        wait_for_port(self.port, self.proc)

    def stop(self) -> None:
        if self.proc is not None:
            stop_processes([self.proc])
            self.proc = None

    def hang(self, hung: bool) -> None:
        """SIGSTOP / SIGCONT: a Redis that accepts connections (the kernel does) and answers
        nothing, as a server swapping or stuck on a disk does."""
        self.proc.send_signal(signal.SIGSTOP if hung else signal.SIGCONT)

    def flush(self) -> None:
        import redis

        redis.Redis(port=self.port).flushall()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


class SlowProxy:
    """A TCP proxy in front of Redis that holds every chunk `delay` seconds each way.

    Runs in its own process (the bench's loop is busy with hundreds of sockets). SIGUSR1
    turns the delay on, SIGUSR2 off; order and throughput are kept, only latency is added.
    """

    def __init__(self, target_port: int, one_way_ms: float, workdir: Path) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [
                PYTHON,
                str(Path(__file__)),
                "_slowproxy",
                str(self.port),
                str(target_port),
                str(one_way_ms),
            ],
            cwd=ROOT,
            stdout=(workdir / "slowproxy.log").open("w"),
            stderr=subprocess.STDOUT,
            preexec_fn=child_setup,
        )
        wait_for_port(self.port, self.proc)

    def slow(self, on: bool) -> None:
        self.proc.send_signal(signal.SIGUSR1 if on else signal.SIGUSR2)
        time.sleep(0.2)

    def stop(self) -> None:
        stop_processes([self.proc])

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


def slowproxy_main(port: int, target: int, one_way_ms: float) -> None:
    delay = [0.0]
    signal.signal(signal.SIGUSR1, lambda *_: delay.__setitem__(0, one_way_ms / 1000))
    signal.signal(signal.SIGUSR2, lambda *_: delay.__setitem__(0, 0.0))

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        queue: asyncio.Queue = asyncio.Queue()

        async def later() -> None:
            while (item := await queue.get()) is not None:
                due, chunk = item
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                writer.write(chunk)
                await writer.drain()
            writer.close()

        sender = asyncio.create_task(later())
        try:
            while chunk := await reader.read(65536):
                queue.put_nowait((time.monotonic() + delay[0], chunk))
        except ConnectionError:
            pass
        queue.put_nowait(None)
        with contextlib.suppress(ConnectionError):
            await sender

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", target)
        except OSError:
            writer.close()
            return
        await asyncio.gather(
            pipe(reader, up_writer), pipe(up_reader, writer), return_exceptions=True
        )

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", port)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


# How production runs each worker: docs/deploy.md's systemd unit, word for word (the port
# apart). `--proxy-headers-host X-Real-IP` takes the client's address from the header the
# proxy sets; the phones here send the headers nginx would (bench/faultclients.py).
SERVE_FLAGS = [
    "--proxy-headers",
    "--proxy-headers-host",
    "X-Real-IP",
    "--http-idle-timeout",
    "20",
    "--http-timeout",
    "60",
    "--websocket_connect_timeout",
    "10",
    "--ping-interval",
    "15",
    "--ping-timeout",
    "20",
    "--websocket-max-message-size",
    "4096",
    "--websocket-max-frame-size",
    "4096",
]


class App:
    """The app's workers (`python -m seminar.serve`, as deployed) on one drill database;
    restartable on the same ports.

    BASE_URL is the first worker's address: the one address the phones use, as behind
    nginx, so every client sends its origin to whichever worker serves it.
    """

    def __init__(
        self,
        name: str,
        workdir: Path,
        pg: Postgres,
        redis_url: str,
        workers: int = 2,
        media_root: Path | None = None,
    ) -> None:
        self.name = name
        self.workdir = workdir
        self.ports = [free_port() for _ in range(workers)]
        self.procs: list[subprocess.Popen | None] = [None] * workers
        self.starts = 0
        env = app_env("embedded", workdir, SECRET, self.ports[0], 0)
        env.update(
            {
                "DATABASE_URL": pg.url(name),
                "REDIS_URL": redis_url,
                "REDIS_PREFIX": f"faults-{name}",
                "TRUSTED_PROXY_COUNT": "1",
                "MEDIA_ROOT": str(media_root or workdir / f"media-{name}"),
            }
        )
        self.env = env
        self.base_url = env["BASE_URL"]

    def start(self, index: int | None = None) -> None:
        for n in range(len(self.ports)) if index is None else [index]:
            self.starts += 1
            log = self.workdir / f"daphne-{self.name}-{n}.log"
            self.procs[n] = subprocess.Popen(
                [
                    PYTHON,
                    "-m",
                    "seminar.serve",
                    *SERVE_FLAGS,
                    "-b",
                    "127.0.0.1",
                    "-p",
                    str(self.ports[n]),
                    "seminar.asgi:application",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log.open("a"),
                stderr=subprocess.STDOUT,
                preexec_fn=child_setup,
            )
        for n in range(len(self.ports)) if index is None else [index]:
            wait_for_port(self.ports[n], self.procs[n])

    def kill(self, index: int) -> None:
        """kill -9: no goodbye to sockets, groups or presence rows."""
        proc = self.procs[index]
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        self.procs[index] = None

    def stop(self, index: int | None = None) -> None:
        """A graceful stop (SIGTERM), as a service manager restarts the app."""
        chosen = range(len(self.ports)) if index is None else [index]
        stop_processes([p for n in chosen if (p := self.procs[n]) is not None])
        for n in chosen:
            self.procs[n] = None

    def alive(self) -> list[int]:
        return [
            port
            for port, proc in zip(self.ports, self.procs, strict=True)
            if proc is not None and proc.poll() is None
        ]

    def log_lines(self, *words: str) -> int:
        """How many log lines mention any of `words` (tracebacks, 500s)."""
        count = 0
        for log in self.workdir.glob(f"daphne-{self.name}-*.log"):
            for line in log.read_text(errors="replace").splitlines():
                count += any(word in line for word in words)
        return count


def seed(pg: Postgres, phones: int, workdir: Path) -> dict:
    """The reference program, `phones` participants at tables, the brainstorm on
    (bench/submit.py)."""
    pg.admin(f"CREATE DATABASE {SEED_DB}")
    env = app_env("embedded", workdir, SECRET, 8000, phones)
    env["DATABASE_URL"] = pg.url(SEED_DB)
    done = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "submit.py"), "_setup", str(phones)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=child_setup,
    )
    if done.returncode != 0:
        raise RuntimeError(f"set-up failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def have_tools() -> str | None:
    """What is missing to run the drills, or None."""
    if not (PG_BIN / "initdb").exists():
        return f"no PostgreSQL 15 server binaries in {PG_BIN}"
    if shutil.which("redis-server") is None:
        return "no redis-server on PATH"
    return None


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "_slowproxy":
    slowproxy_main(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
