"""Connect storm behind a slow Redis: do websocket connects serialise on a Redis round trip?

One daphne worker, its Redis (a private redis-server this bench starts) reached through a
small proxy that delays every chunk by half the round trip each way. N phones (sessions
made by bench/fanout.py's set-up) connect all at once, as after a Wi-Fi drop or a worker
restart, and each waits for its snapshot; a connect that fails (daphne drops a handshake
the application has not accepted in 5 s) is retried, as the phone's script does, until
the deadline. Then 20 phone page loads, one after the other. Prints, per round trip:
sockets connected n/N, how long until the last one, connects per second, p50/p95 of a
connect, attempts, and p50/p95 of a page load.

    .venv/bin/python bench/connects.py                           # 100 phones; 0, 25, 50 ms
    .venv/bin/python bench/connects.py --phones 200 --rtt 0,50
    .venv/bin/python bench/connects.py --app-root /tmp/before    # another checkout of the app
    .venv/bin/python bench/connects.py \
        --database-url postgres://postgres@127.0.0.1:5432/bench_connects

The database is a fresh SQLite file (or the given PostgreSQL database, emptied by migrate
on a fresh database only: give one that does not exist yet or may be dropped).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
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
    stop_processes,
    wait_for_port,
)

ROOT_MARK = b'id="phone-live"'


async def delay_proxy(listen: int, target: int, one_way: float) -> None:
    """Forward TCP to 127.0.0.1:target, each chunk held `one_way` seconds, order kept."""

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        queue: asyncio.Queue = asyncio.Queue()

        async def send() -> None:
            loop = asyncio.get_running_loop()
            while (item := await queue.get()) is not None:
                due, chunk = item
                if (wait := due - loop.time()) > 0:
                    await asyncio.sleep(wait)
                writer.write(chunk)
                await writer.drain()
            writer.close()

        sender = asyncio.create_task(send())
        with contextlib.suppress(ConnectionError):
            while chunk := await reader.read(65536):
                queue.put_nowait((asyncio.get_running_loop().time() + one_way, chunk))
        queue.put_nowait(None)
        with contextlib.suppress(ConnectionError):
            await sender

    async def handle(client_r, client_w) -> None:
        try:
            upstream_r, upstream_w = await asyncio.open_connection("127.0.0.1", target)
        except OSError:
            client_w.close()
            return
        await asyncio.gather(
            pipe(client_r, upstream_w), pipe(upstream_r, client_w), return_exceptions=True
        )

    server = await asyncio.start_server(handle, "127.0.0.1", listen)
    async with server:
        await server.serve_forever()


async def storm(url: str, port: int, sessions: list[str], deadline: float) -> dict:
    from websockets.asyncio.client import connect

    times: list[float] = []
    attempts = 0
    sockets = []
    started = time.monotonic()
    last = started

    async def one(session: str) -> None:
        nonlocal attempts, last
        while time.monotonic() < started + deadline:
            attempts += 1
            begun = time.monotonic()
            try:
                ws = await connect(
                    url,
                    origin=f"http://127.0.0.1:{port}",
                    compression=None,
                    additional_headers=[("Cookie", f"sessionid={session}")],
                    ping_interval=None,
                    open_timeout=10,
                    close_timeout=1,
                )
                while ROOT_MARK not in (await asyncio.wait_for(ws.recv(decode=False), 10))[:200]:
                    pass
            except Exception:
                await asyncio.sleep(0.5 + secrets.randbelow(500) / 1000)  # the page's back-off
                continue
            now = time.monotonic()
            times.append(now - begun)
            last = max(last, now)
            sockets.append(ws)
            return

    await asyncio.gather(*(one(s) for s in sessions))
    for ws in sockets:
        ws.transport.abort()
    span = last - started
    return {
        "connected": len(times),
        "phones": len(sessions),
        "seconds_to_last": round(span, 2),
        "connects_per_s": round(len(times) / span, 1) if span else None,
        "connect_p50_ms": _ms(percentile(times, 50)),
        "connect_p95_ms": _ms(percentile(times, 95)),
        "attempts": attempts,
    }


def _ms(seconds: float) -> int | None:
    return None if seconds != seconds else round(seconds * 1000)  # NaN: nothing measured


def page_loads(base: str, session: str, count: int = 20) -> dict:
    times = []
    for _ in range(count):
        request = urllib.request.Request(
            f"{base}/s/{SLUG}/", headers={"Cookie": f"sessionid={session}"}
        )
        begun = time.monotonic()
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
        times.append(time.monotonic() - begun)
    return {
        "page_p50_ms": round(percentile(times, 50) * 1000),
        "page_p95_ms": round(percentile(times, 95) * 1000),
    }


def run(rtt_ms: int, args, workdir: Path, redis_port: int) -> dict:
    proxy_port, http_port = free_port(), free_port()
    procs = [
        subprocess.Popen(
            [PYTHON, __file__, "_proxy", str(proxy_port), str(redis_port), str(rtt_ms / 2000)],
            preexec_fn=child_setup,
        )
    ]
    try:
        wait_for_port(proxy_port, procs[0])
        env = app_env("embedded", workdir, secrets.token_urlsafe(40), http_port, args.phones)
        env["REDIS_URL"] = f"redis://127.0.0.1:{proxy_port}/0"
        env["REDIS_PREFIX"] = f"bench-connects-{secrets.token_hex(3)}"
        env["PYTHONPATH"] = str(args.app_root)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        setup = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "fanout.py"), "_setup", str(args.phones)],
            cwd=args.app_root,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if setup.returncode != 0:
            raise RuntimeError(setup.stderr[-3000:])
        sessions = json.loads(setup.stdout)["phones"]
        log = workdir / f"daphne-{rtt_ms}.log"
        procs.append(
            subprocess.Popen(
                [DAPHNE, "-b", "127.0.0.1", "-p", str(http_port), "seminar.asgi:application"],
                cwd=args.app_root,
                env=env,
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
                preexec_fn=child_setup,
            )
        )
        wait_for_port(http_port, procs[1])
        page_loads(f"http://127.0.0.1:{http_port}", sessions[0], count=2)  # warm up
        url = f"ws://127.0.0.1:{http_port}/ws/s/{SLUG}/participant/"
        row = {"rtt_ms": rtt_ms, **asyncio.run(storm(url, http_port, sessions, args.deadline))}
        row.update(page_loads(f"http://127.0.0.1:{http_port}", sessions[1]))
        return row
    finally:
        stop_processes(procs)
        if args.keep:
            print(f"logs in {workdir}", file=sys.stderr)
        if args.database_url:
            with contextlib.suppress(Exception):
                import psycopg

                admin = args.database_url.rsplit("/", 1)[0] + "/postgres"
                name = args.database_url.rsplit("/", 1)[1]
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_proxy":
        asyncio.run(delay_proxy(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--rtt", default="0,25,50", help="Redis round trips to try, ms")
    parser.add_argument("--deadline", type=float, default=45.0, help="seconds for the storm")
    parser.add_argument("--app-root", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--database-url", help="a PostgreSQL database to create (default: SQLite)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, SQLite)")
    args = parser.parse_args()
    raise_fd_limit()
    if shutil.which("redis-server") is None:
        print("needs redis-server on PATH", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="bench-connects-"))
    redis_port = free_port()
    redis = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(redis_port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        preexec_fn=child_setup,
    )
    rows = []
    try:
        wait_for_port(redis_port, redis)
        for rtt in (int(value) for value in args.rtt.split(",")):
            if args.database_url:
                _create(args.database_url)
            rows.append(run(rtt, args, workdir, redis_port))
            print(json.dumps(rows[-1]) if args.json else _line(rows[-1]), flush=True)
    finally:
        stop_processes([redis])
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def _create(url: str) -> None:
    import psycopg

    admin, name = url.rsplit("/", 1)
    with psycopg.connect(admin + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _line(row: dict) -> str:
    return (
        f"Redis RTT {row['rtt_ms']:>3} ms: {row['connected']}/{row['phones']} connected, "
        f"last after {row['seconds_to_last']} s ({row['connects_per_s']}/s), "
        f"connect p50 {row['connect_p50_ms']} ms p95 {row['connect_p95_ms']} ms, "
        f"{row['attempts']} attempts; page p50 {row['page_p50_ms']} ms "
        f"p95 {row['page_p95_ms']} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
