"""How long parsing a program file takes as it grows: 1,000, 5,000 and 10,000 items.

Run: .venv/bin/python -m bench.programfile
Prints, per size, the file's bytes and the parse time (best of 3). Parsing is linear: the
line of every header and key is found in one pass (program/programlines.py), so 10k items
should take about twice as long as 5k. The 1 MB limit stops files past ~9,000 such items,
so the larger sizes are parsed with the limit lifted, to show the growth.
"""

import os
import sys
import time

import django


def program(items: int) -> str:
    out = [
        '[seminar]\nslug = "bench"\ntitle = "Bench"\n\n'
        '[[groupings]]\nname = "Borde"\ngroup_size = 5\n'
    ]
    per_day = 100
    for day in range((items + per_day - 1) // per_day):
        out.append(
            f'[[days]]\ndate = "{2030 + day // 365}-01-01"\ntitle = "Dag {day + 1}"\n'
            if day % 365 == 0
            else f'[[days]]\ndate = "{_date(day)}"\ntitle = "Dag {day + 1}"\n'
        )
        for n in range(min(per_day, items - day * per_day)):
            minute = n * 10
            out.append(
                f'[[days.items]]\nstart = "{minute // 60:02d}:{minute % 60:02d}"\nminutes = 10\n'
                f'title = "Punkt {day}-{n}"\ntitle_en = "Item {day}-{n}"\nkind = "table_talk"\n'
                f'grouping = "Borde"\ntext = """Tekst til punkt {n}\nmed to linjer"""\n'
            )
    return "\n".join(out)


def _date(day: int) -> str:
    import datetime as dt

    return (dt.date(2030, 1, 1) + dt.timedelta(days=day)).isoformat()


def main() -> None:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seminar.settings")
    django.setup()
    from program import programchecks
    from program.programfile import parse

    programchecks.MAX_BYTES = 10**9  # measure growth past the limit too
    print(f"{'items':>7} {'bytes':>11} {'parse s':>8} {'µs/item':>8}")
    for items in (1_000, 5_000, 10_000):
        text = program(items)
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            spec = parse(text)
            best = min(best, time.perf_counter() - started)
        assert sum(len(day.items) for day in spec.days) == items
        print(f"{items:>7} {len(text.encode()):>11,} {best:>8.3f} {best / items * 1e6:>8.1f}")


if __name__ == "__main__":
    main()
