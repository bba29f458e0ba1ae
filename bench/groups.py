"""Benchmark of the group solver: time and quality beside a random shuffle and a bound.

Run from the project root: ``python bench/groups.py`` (or ``python -m bench.groups``).
Each instance is generated from a seed fixed by its row, so every run solves the
same ones and prints the same figures; only the times vary with the machine and its
load (the cpu column is the solver's own processor time). Prints a Markdown table.
"""

from __future__ import annotations

import os
import platform
import random
import sys
import time
from collections import Counter
from math import ceil, comb
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and its name would
# shadow the ``groups`` package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from groups.solver import quality, solve  # noqa: E402
from groups.solver_quality import count_meetings  # noqa: E402

SEED = 2014
PEOPLE = (24, 48, 80, 120, 300)
GROUP_SIZES = (6, 20)
ROUNDS = (1, 2, 3, 4, 5)
DEPARTMENTS = (
    "Teknik og Miljø",
    "Børn og Unge",
    "Social og Sundhed",
    "Kultur og Fritid",
    "Økonomi og Personale",
    "Borgerservice",
    "Jobcenter",
    "Direktionen",
)


def make_instance(people: int, group_size: int, rounds: int, seed: int) -> dict:
    """5-8 departments of uneven sizes, one with about a third of everyone. Big
    groups get one process leader pinned to each group."""
    rng = random.Random(seed)
    kinds = rng.randint(5, 8)
    big = people // 3
    weights = [rng.uniform(0.3, 1.0) for _ in range(kinds - 1)]
    rest = [DEPARTMENTS[1 + rng.choices(range(kinds - 1), weights)[0]] for _ in range(people - big)]
    names = [DEPARTMENTS[0]] * big + rest
    rng.shuffle(names)
    persons = [{"id": f"P{i:03d}", "department": d} for i, d in enumerate(names)]
    groups = ceil(people / group_size)
    if group_size >= 15:
        for g, person in enumerate(rng.sample(persons, groups)):
            person["fixed_group"] = g
    return {"people": persons, "group_size": group_size, "rounds": rounds, "seed": seed}


def sizes_of(people: int, groups: int) -> list[int]:
    base, extra = divmod(people, groups)
    return [base + 1] * extra + [base] * (groups - extra)


def random_rounds(instance: dict, rng: random.Random) -> list[list[list[str]]]:
    """Shuffle everyone into groups of even sizes, keeping pinned people in place."""
    persons = instance["people"]
    groups = ceil(len(persons) / instance["group_size"])
    rounds = []
    for _ in range(instance["rounds"]):
        seats = sizes_of(len(persons), groups)
        result: list[list[str]] = [[] for _ in range(groups)]
        for p in persons:
            if p.get("fixed_group") is not None:
                result[p["fixed_group"]].append(p["id"])
        free = [p["id"] for p in persons if p.get("fixed_group") is None]
        rng.shuffle(free)
        for g in range(groups):
            while len(result[g]) < seats[g]:
                result[g].append(free.pop())
        rounds.append(result)
    return rounds


def bounds(people: int, groups: int, rounds: int, largest: int) -> tuple[int, int, int]:
    """Lower bounds: (repeated pairs, max pair meetings, max department at group).

    Repeats: two rounds alone force a group of round two to take ceil(size / groups)
    or more people from one group of round one; and all rounds together cannot hold
    more meetings than pairs exist, each repeated pair absorbing at most rounds - 1.
    """
    sizes = sizes_of(people, groups)
    repeats = 0
    if rounds >= 2:
        for size in sizes:
            low, extra = divmod(size, groups)
            repeats += extra * comb(low + 1, 2) + (groups - extra) * comb(low, 2)
        surplus = rounds * sum(comb(s, 2) for s in sizes) - comb(people, 2)
        if surplus > 0:
            repeats = max(repeats, ceil(surplus / (rounds - 1)))
    meetings = ceil(rounds * (min(sizes) - 1) / (people - 1)) if people > 1 else 0
    meetings = max(meetings, 2 if repeats else min(1, max(sizes) - 1))
    return repeats, meetings, ceil(largest / groups)


def extra_meetings(rounds: list) -> int:
    """Meetings beyond each pair's first; the total of meetings is fixed by the sizes,
    so fewer extra meetings means more different people met."""
    return sum(count - 1 for count in count_meetings(rounds).values())


def main() -> None:
    rng = random.Random(SEED)
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}; seed {SEED}\n"
    )
    print(
        "| people | size (groups) | rounds | wall s | cpu s | repeated pairs | max meetings "
        "| extra meetings | max dept at group | dept excess "
        "| random: repeats / max meet / extra / max dept "
        "| bound: repeats / max meet / max dept |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|")
    started = time.perf_counter()
    for people in PEOPLE:
        for group_size in GROUP_SIZES:
            for rounds in ROUNDS:
                seed = SEED + 1000 * people + 10 * group_size + rounds
                instance = make_instance(people, group_size, rounds, seed)
                groups = ceil(people / group_size)
                clock, cpu = time.perf_counter(), time.process_time()
                result = solve(instance)
                took, used = time.perf_counter() - clock, time.process_time() - cpu
                q = result["quality"]
                shuffle = random_rounds(instance, rng)
                shuffled = quality(shuffle, instance["people"])
                largest = max(Counter(p["department"] for p in instance["people"]).values())
                low = bounds(people, groups, rounds, largest)
                print(
                    f"| {people} | {group_size} ({groups}) | {rounds} | {took:.2f} | {used:.2f} "
                    f"| {q['repeated_pairs']} | {q['max_pair_meetings']} "
                    f"| {extra_meetings(result['rounds'])} "
                    f"| {q['max_department_at_group']} | {q['department_excess']} "
                    f"| {shuffled['repeated_pairs']} / {shuffled['max_pair_meetings']} / "
                    f"{extra_meetings(shuffle)} / {shuffled['max_department_at_group']} "
                    f"| {low[0]} / {low[1]} / {low[2]} |",
                    flush=True,
                )
    print(f"\nTotal {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
