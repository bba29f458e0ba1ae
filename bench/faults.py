"""Fault drills: break the real processes on purpose and count what the room saw.

The bench starts its own PostgreSQL cluster (initdb in a temp dir, a free port, trust
auth) and its own redis-server on a free port, loads the reference program with a roster
of bench participants seated at tables (bench/submit.py's set-up), and copies that
database fresh for each drill. Each drill starts two daphne workers (the production
shape), opens the phones (scripted like static/js/live.js: bench/faultclients.py),
breaks something, and reads the truth from the database and from what the phones show.

    .venv/bin/python bench/faults.py                        # every drill, about 14 minutes
    .venv/bin/python bench/faults.py --quick                # smaller numbers
    .venv/bin/python bench/faults.py --only worker-kill,redis-down --json faults.json
    .venv/bin/python bench/faults.py --long                 # adds the 5-minute offline phone

Loopback only; every drill is bounded in time and stops by itself. The machine's shared
PostgreSQL and Redis are never touched. docs/reliability.md has the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import faultdrills, faultroom  # noqa: E402
from bench.fanout import raise_fd_limit  # noqa: E402
from bench.faultrig import Postgres, RedisServer, have_tools, seed  # noqa: E402

COLUMNS = [
    ("drill", "fault"),
    ("converged", "converged"),
    ("seconds", "time s"),
    ("sent", "sent"),
    ("stored", "stored"),
    ("duplicated", "dup"),
    ("lost", "lost"),
    ("failed", "failed req"),
    ("notes", "notes"),
]


def table(rows: list[dict]) -> str:
    cells = [[title for _, title in COLUMNS]]
    for row in rows:
        line = []
        for key, _ in COLUMNS:
            value = row.get(key)
            if key == "converged":
                value = f"{row['converged']}/{row['of']}" if row.get("of") else "-"
            line.append("-" if value is None else str(value))
        cells.append(line)
    widths = [max(len(r[i]) for r in cells) for i in range(len(COLUMNS) - 1)]
    out = []
    for n, r in enumerate(cells):
        out.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1])
        if n == 0:
            out.append("  ".join("-" * w for w in widths) + "  " + "-" * 5)
    return "\n".join(out)


async def run(args: argparse.Namespace) -> int:
    chosen = [name.strip() for name in (args.only or "").split(",") if name.strip()]
    names = chosen or [
        name for name in faultdrills.DRILLS if args.long or name != "phone-offline-5min"
    ]
    unknown = set(names) - set(faultdrills.DRILLS)
    if unknown:
        raise SystemExit(
            f"unknown drill(s): {', '.join(sorted(unknown))}; "
            f"known: {', '.join(faultdrills.DRILLS)}"
        )
    workdir = Path(tempfile.mkdtemp(prefix="faults-"))
    pg, redis = Postgres(workdir), RedisServer(workdir)
    rows: list[dict] = []
    failed = False
    try:
        pg.init()
        redis.start()
        sizes = faultroom.Sizes.quick() if args.quick else faultroom.Sizes()
        print(
            f"# seeding {sizes.seats} participants into a private cluster on port {pg.port}, "
            f"Redis on {redis.port} ({workdir})",
            file=sys.stderr,
        )
        sessions = seed(pg, sizes.seats, workdir)
        ctx = faultroom.Context(workdir, pg, redis, sessions, sizes)
        for name in names:
            print(f"# {name} ...", file=sys.stderr, flush=True)
            started = time.monotonic()
            try:
                row = await asyncio.wait_for(faultdrills.DRILLS[name](ctx), sizes.drill_timeout)
            except Exception as error:
                failed = True
                row = {"drill": name, "notes": f"DRILL FAILED: {error!r}"}
                traceback.print_exc()
                with contextlib.suppress(
                    Exception
                ):  # a drill that died may have left Redis stopped or hung
                    redis.start() if redis.proc is None else redis.hang(False)
            row["drill"] = name
            row["wall_s"] = round(time.monotonic() - started, 1)
            rows.append(row)
            print(f"# {name}: {json.dumps(row, ensure_ascii=False)}", file=sys.stderr, flush=True)
    finally:
        redis.stop()
        pg.stop()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(table(rows))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                    "quick": args.quick,
                    "rows": rows,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    return 1 if failed else 0


def interrupted(signum, frame) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", metavar="NAME[,NAME]", help=", ".join(faultdrills.DRILLS))
    parser.add_argument("--quick", action="store_true", help="fewer phones, shorter outages")
    parser.add_argument("--long", action="store_true", help="also the 5-minute offline phone")
    parser.add_argument("--json", metavar="FILE", help="write every figure to FILE")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, cluster)")
    args = parser.parse_args()
    missing = have_tools()
    if missing:
        raise SystemExit(f"cannot run the drills: {missing}")
    raise_fd_limit()
    signal.signal(signal.SIGTERM, interrupted)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
