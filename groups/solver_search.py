"""The solver's model in indices: the problem, its costs and a greedy round.

People and groups are plain indices here; a round is a list ``group_of`` giving each
person's group. Every random choice comes from the caller's seeded
``random.Random``, so a seed gives one answer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# The cost of a round, in integer units. Order of importance: the hard department
# limit, then repeated pairs, then the fair share of each department, then spreading
# each department as evenly as possible (a tie-breaker).
HARD_WEIGHT = 10**30
REPEAT_WEIGHT = 10_000
# Each further meeting of a pair costs GROWTH times the one before, so the search
# prefers many pairs meeting twice to a few pairs meeting three or four times.
GROWTH = 3
SHARE_WEIGHT = 100
SPREAD_WEIGHT = 1


@dataclass
class Problem:
    """One grouping to build, in indices.

    ``meetings`` is a symmetric people × people matrix of how often two people have
    already met; the engine adds the rounds it builds to it.
    """

    departments: list[int]
    pinned: list[int | None]
    sizes: list[int]
    shares: list[int]  # fair share per department: ceil(size / groups)
    limit: int  # hard limit for every department: ceil(largest / groups)
    meetings: list[list[int]]


def plan_sizes(people: int, groups: int, pinned_per_group: list[int]) -> list[int]:
    """Seats per group: sizes differ by at most one; pinned groups get the big seats.

    Raises ValueError when the pins cannot fit.
    """
    base, extra = divmod(people, groups)
    order = sorted(range(groups), key=lambda g: (-pinned_per_group[g], g))
    sizes = [base] * groups
    for g in order[:extra]:
        sizes[g] = base + 1
    for g, pinned in enumerate(pinned_per_group):
        if pinned > sizes[g]:
            raise ValueError(
                f"{pinned} people are pinned to group {g}, but with {people} people "
                f"in {groups} groups it can hold at most {sizes[g]}"
            )
    return sizes


def extra_meeting_costs(limit: int) -> list[int]:
    """costs[k] is what one more meeting of a pair that has met k times costs."""
    return [0] + [REPEAT_WEIGHT * GROWTH ** (k - 1) for k in range(1, limit + 1)]


def department_penalties(problem: Problem) -> list[list[int]]:
    """penalty[d][c]: cost of c people of department d at one group."""
    top = max(problem.sizes) + 2
    return [
        [
            HARD_WEIGHT * max(0, c - problem.limit)
            + SHARE_WEIGHT * max(0, c - share)
            + SPREAD_WEIGHT * c * c
            for c in range(top)
        ]
        for share in problem.shares
    ]


def add_round(meetings: list[list[int]], group_of: list[int], step: int) -> None:
    """Add (step=1) or remove (step=-1) one round's meetings."""
    members: dict[int, list[int]] = {}
    for p, g in enumerate(group_of):
        members.setdefault(g, []).append(p)
    for group in members.values():
        for i, p in enumerate(group):
            row = meetings[p]
            for q in group[i + 1 :]:
                row[q] += step
                meetings[q][p] += step


def greedy_round(problem: Problem, costs: list[int], rng: random.Random) -> list[int]:
    """Place people one by one where they add the least cost; big departments first."""
    n, groups = len(problem.departments), len(problem.sizes)
    department_size: dict[int, int] = {}
    for d in problem.departments:
        department_size[d] = department_size.get(d, 0) + 1
    group_of = [-1] * n
    members: list[list[int]] = [[] for _ in range(groups)]
    free = list(problem.sizes)
    counts = [[0] * len(problem.shares) for _ in range(groups)]

    def place(p: int, g: int) -> None:
        group_of[p] = g
        members[g].append(p)
        free[g] -= 1
        counts[g][problem.departments[p]] += 1

    for p, g in enumerate(problem.pinned):
        if g is not None:
            place(p, g)
    order = [p for p in range(n) if problem.pinned[p] is None]
    rng.shuffle(order)
    order.sort(key=lambda p: -department_size[problem.departments[p]])
    for p in order:
        d, row = problem.departments[p], problem.meetings[p]
        best_key, best_group = None, -1
        for g in range(groups):
            if free[g] <= 0:
                continue
            count = counts[g][d]
            repeats = sum(costs[row[x]] for x in members[g])
            key = (
                count >= problem.limit,
                repeats,
                count >= problem.shares[d],
                count,
                -free[g],
                rng.random(),
            )
            if best_key is None or key < best_key:
                best_key, best_group = key, g
        place(p, best_group)
    return group_of
