"""How many idea submissions one server answers per second, and its CPU time per request.

A closed loop, unlike bench/submit.py's burst: N requests in flight at all times (each
on a fresh connection, as a phone makes them), so the figure is the server's capacity,
not a queue's length. The server's CPU time comes from /proc (Linux) over the measured
requests, after ten unmeasured ones (templates compiled, views imported).

    .venv/bin/python bench/capacity.py                        # postgres, 1 and 32 in flight
    .venv/bin/python bench/capacity.py --configs embedded --in-flight 1,8,32 --photos 0.1

Server start-up and the phones' requests come from bench/submit.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.fanout import percentile, raise_fd_limit  # noqa: E402
from bench.submit import SLUG, Servers, multipart, post, small_jpeg  # noqa: E402

WARM_UP = 10


def cpu_seconds(pid: int) -> float:
    """User and system time of a process so far (clock ticks of 1/100 s on Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100


async def measure(servers: Servers, requests: int, in_flight: int, photo_share: float) -> dict:
    item, csrf = servers.sessions["item"], secrets.token_hex(16)
    path, port, photo = f"/s/{SLUG}/ideas/{item}/send/", servers.ports[0], small_jpeg()
    phones = servers.sessions["phones"]
    every = round(1 / photo_share) if photo_share else 0

    async def send(n: int) -> tuple[int, float]:
        fields = {"csrfmiddlewaretoken": csrf, "key": str(uuid.uuid4()), "text": f"Idé nr. {n}"}
        body, content_type = multipart(fields, photo if every and n % every == 0 else None)
        return await post(
            port, path, body, content_type, f"csrftoken={csrf}; sessionid={phones[n % len(phones)]}"
        )

    for n in range(WARM_UP):
        await send(n)
    pending = list(range(WARM_UP, WARM_UP + requests))
    times: list[float] = []
    statuses: dict[int, int] = {}

    async def worker() -> None:
        while pending:
            status, seconds = await send(pending.pop())
            times.append(seconds)
            statuses[status] = statuses.get(status, 0) + 1

    pid = servers.procs[0].pid
    started, cpu = time.monotonic(), cpu_seconds(pid)
    await asyncio.gather(*(worker() for _ in range(in_flight)))
    wall, cpu = time.monotonic() - started, cpu_seconds(pid) - cpu
    return {
        "config": servers.config,
        "in_flight": in_flight,
        "requests": requests,
        "per_second": round(requests / wall, 1),
        "cpu_ms_per_request": round(cpu / requests * 1000, 1),
        "p50_ms": round(percentile(times, 50) * 1000),
        "p95_ms": round(percentile(times, 95) * 1000),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


async def main_async(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="capacity-"))
    try:
        for config in args.configs.split(","):
            for in_flight in (int(n) for n in args.in_flight.split(",")):
                run_dir = workdir / f"{config}-{in_flight}"  # a fresh database for each run
                run_dir.mkdir()
                servers = Servers(config, run_dir, args.requests + WARM_UP)
                try:
                    servers.start()
                    row = await measure(servers, args.requests, in_flight, args.photos)
                finally:
                    servers.stop()
                print(
                    json.dumps(row)
                    if args.json
                    else f"{config:>9}, {in_flight:>3} in flight: {row['per_second']} requests/s, "
                    f"{row['cpu_ms_per_request']} ms server CPU a request, p50 {row['p50_ms']} ms, "
                    f"p95 {row['p95_ms']} ms, statuses {row['statuses']}",
                    flush=True,
                )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--configs", default="postgres", help="embedded,postgres (one worker each)")
    parser.add_argument(
        "--in-flight", default="1,32", help="comma-separated numbers of requests in flight"
    )
    parser.add_argument("--requests", type=int, default=300, help="measured requests per run")
    parser.add_argument("--photos", type=float, default=0.0, help="share of ideas with a photo")
    parser.add_argument("--json", action="store_true", help="one JSON object per run")
    args = parser.parse_args()
    raise_fd_limit()
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
