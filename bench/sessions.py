r"""What a phone request pays for its session: the database engine against cached_db.

Sessions moved from cached_db (Redis) to the database (settings.py) so that a faltering
Redis costs no request. This measures what that costs where it matters most, a phone's
page load, in one process: the same bound phone loads its page through Django's test
client, alternately with each engine, in rounds (so a busy machine slows both alike).
Engines: `db` (now), `cached_db` on this process's memory (the best a cache can do), and
`cached_db` on a Redis (what production had) when --redis-url is given.

    .venv/bin/python bench/sessions.py                                   # SQLite, 10 x 50 loads
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_sessions \
        .venv/bin/python bench/sessions.py
    .venv/bin/python bench/sessions.py --redis-url redis://127.0.0.1:6391/0

With DATABASE_URL set, that database is created fresh and dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--loads", type=int, default=50, help="page loads per engine per round")
    parser.add_argument("--redis-url", help="also measure cached_db on this Redis")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="bench-sessions-")
    else:
        _recreate(url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seminar.settings")
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment

    from tests import factories

    setup_test_environment()
    call_command("migrate", "--noinput", verbosity=0)
    seminar = factories.seminar()
    participant = factories.participant(seminar)

    engines = {
        "db": {"SESSION_ENGINE": "django.contrib.sessions.backends.db"},
        "cached_db (memory)": {
            "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
            "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        },
    }
    if args.redis_url:
        engines["cached_db (Redis)"] = {
            "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
            "CACHES": {
                "default": {
                    "BACKEND": "django.core.cache.backends.redis.RedisCache",
                    "LOCATION": args.redis_url,
                    "KEY_PREFIX": "bench-sessions",
                }
            },
        }
    times: dict[str, list[float]] = {name: [] for name in engines}
    clients = {}
    for name, overrides in engines.items():
        with override_settings(**overrides):
            clients[name] = Client()
            clients[name].get(f"/p/{participant.token}/")
    path = f"/s/{seminar.slug}/"
    try:
        for _ in range(args.rounds):
            for name, overrides in engines.items():
                with override_settings(**overrides):
                    for _ in range(args.loads):
                        started = time.perf_counter()
                        assert clients[name].get(path).status_code == 200
                        times[name].append(time.perf_counter() - started)
    finally:
        if url:
            from django.db import connections

            connections.close_all()
            _recreate(url, drop_only=True)
    print(f"{'engine':<20} {'loads':>6} {'p50 ms':>8} {'mean ms':>8} {'p95 ms':>8}")
    for name, values in times.items():
        values.sort()
        print(
            f"{name:<20} {len(values):>6} {statistics.median(values) * 1000:>8.2f} "
            f"{statistics.fmean(values) * 1000:>8.2f} "
            f"{values[int(len(values) * 0.95)] * 1000:>8.2f}"
        )
    return 0


def _recreate(url: str, drop_only: bool = False) -> None:
    import psycopg

    admin, name = url.rsplit("/", 1)
    with psycopg.connect(admin + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    sys.exit(main())
