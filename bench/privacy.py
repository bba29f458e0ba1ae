"""Benchmark of the privacy check on text built to make regular expressions backtrack.

Run from the project root: ``python bench/privacy.py``. For each worst input it prints the
time of one ``findings()`` call at 1k, 5k, 20k and 80k characters (best of three) and the
ratio of the 80k time to the 20k time: about 4 when the cost is linear in the text,
about 16 when it is quadratic. Prints a Markdown table.
"""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interviews.privacy import findings  # noqa: E402

SIZES = (1_000, 5_000, 20_000, 80_000)
WORST = {
    "a.a.a.…": lambda n: "a." * (n // 2),
    "A.A.A.…": lambda n: "A." * (n // 2),
    "a-a-a-…": lambda n: "a-" * (n // 2),
    "a@a@a@…": lambda n: "a@" * (n // 2),
    "x@a.a.a.…": lambda n: "x@" + "a." * (n // 2),
    "aaaa…vej": lambda n: "a" * (n - 3) + "vej",
    "aaaa…vej 1": lambda n: "a" * (n - 5) + "vej 1",
    "(a.×20 )…": lambda n: ("a." * 20 + " ") * (n // 41),
    "(a.×19vej 1)…": lambda n: ("a." * 19 + "vej 1") * (n // 43),
    "1 1 1 …": lambda n: "1 " * (n // 2),
    "1.1.1.…": lambda n: "1." * (n // 2),
    "1-1-1-…": lambda n: "1-" * (n // 2),
    "12 34 56 …": lambda n: ("12 34 56 " * n)[:n],
    "+45 +45 …": lambda n: ("+45 " * n)[:n],
    "(a@a.a×20 )…": lambda n: ("a@a.a" * 20 + " ") * (n // 101),
    "Storegade + spaces": lambda n: "Storegade" + " " * n,
    "tlf. mobil: 1-2 …": lambda n: ("tlf. mobil: 1-2 " * n)[:n],
    "Torvet Vænget …": lambda n: ("Torvet Vænget " * n)[:n],
    "mix": lambda n: ("a.a@a-b.c 12 34 Vej 0045 a.-a " * n)[:n],
}


def timed(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        findings(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    print(
        f"Python {platform.python_version()} on {platform.machine()}; one findings() call, "
        "best of 3, milliseconds\n"
    )
    print("| input | " + " | ".join(f"{size // 1000}k" for size in SIZES) + " | 80k/20k |")
    print("|---|" + "---:|" * (len(SIZES) + 1))
    for name, make in WORST.items():
        times = [timed(make(size)) for size in SIZES]
        cells = " | ".join(f"{seconds * 1000:.1f}" for seconds in times)
        print(f"| {name} | {cells} | {times[-1] / times[-2]:.1f} |")


if __name__ == "__main__":
    main()
