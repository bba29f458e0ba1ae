"""A start with no repeated pair at all, from a lattice (an affine plane's lines).

Seats form a grid of ``rows = ceil(people / groups)`` rows and ``groups`` columns.
In round k the seat (i, j) sits at group ``j + k·i``, computed in the field with
``groups`` elements when ``groups`` is a prime power, else modulo ``groups``. Every
group then holds one seat of each row, and two seats share a group in at most one
round: for seats in different rows i ≠ i', ``j + k·i = j' + k·i'`` has one solution
k at most (modulo a composite number this is checked, and fewer rounds may work).
Moving people between seats keeps that property, so a seating search then spreads
the departments without creating a single repeat. Row 0 seats sit at group j in
every round, which is where people pinned to group j go.
"""

from __future__ import annotations

import random
from math import ceil

from groups.solver_search import Problem, department_penalties

LARGEST_FIELD = 128
SEATING_EVALUATIONS = 400_000
SEATING_STALL = 100_000


def _prime_power(q: int) -> tuple[int, int] | None:
    p = next(f for f in range(2, q + 1) if q % f == 0)
    m = 0
    while q % p == 0:
        q //= p
        m += 1
    return (p, m) if q == 1 else None


def field_tables(q: int) -> tuple[list[list[int]], list[list[int]]] | None:
    """Addition and multiplication tables of the field with q elements, if any.

    Elements are polynomials over GF(p) written as base-p numbers; the modulus is
    the first monic polynomial of degree m whose table has no zero divisors.
    """
    found = _prime_power(q) if 2 <= q <= LARGEST_FIELD else None
    if found is None:
        return None
    p, m = found
    digits = [[a // p**i % p for i in range(m)] for a in range(q)]

    def number(coefficients: list[int]) -> int:
        return sum(c * p**i for i, c in enumerate(coefficients))

    add = [
        [number([(x + y) % p for x, y in zip(digits[a], digits[b], strict=True)]) for b in range(q)]
        for a in range(q)
    ]

    def times(a: int, b: int, tail: list[int]) -> int:
        product = [0] * (2 * m - 1)
        for i, x in enumerate(digits[a]):
            for j, y in enumerate(digits[b]):
                product[i + j] = (product[i + j] + x * y) % p
        for k in range(2 * m - 2, m - 1, -1):  # x^m = -tail
            c, product[k] = product[k], 0
            for i, t in enumerate(tail):
                product[k - m + i] = (product[k - m + i] - c * t) % p
        return number(product[:m])

    for tail in digits:
        mul = [[times(a, b, tail) for b in range(q)] for a in range(q)]
        if all(mul[a][b] for a in range(1, q) for b in range(1, q)):
            return add, mul
    return None


def lattice(people: int, groups: int, rounds: int) -> list[list[int]]:
    """Group of every seat (row-major) in each of up to ``rounds`` repeat-free rounds.

    Returns fewer rounds (possibly none) when the lattice has no more.
    """
    rows = ceil(people / groups)
    if rows > groups:
        return []
    tables = field_tables(groups)
    if tables is not None:
        add, mul = tables
        usable = min(rounds, groups)

        def group(i: int, j: int, k: int) -> int:
            return add[j][mul[k][i]]
    else:
        usable = 1  # round k meets round k' iff (k - k')·(i - i') = 0 modulo groups
        while usable < rounds and all(usable * d % groups for d in range(1, rows)):
            usable += 1

        def group(i: int, j: int, k: int) -> int:
            return (j + k * i) % groups

    seats = [(i, j) for i in range(rows) for j in range(groups)][:people]
    return [[group(i, j, k) for i, j in seats] for k in range(usable)]


def _pack_rows(problem: Problem, free_seats: list[int]) -> list[int]:
    """Order unpinned people for the free seats (row-major): each department fills
    whole rows, and its remainder goes to one row where it fits (best fit). When
    no remainder has to be split, every group then holds at most the department's
    share in every round, since a group holds one seat of each row."""
    groups = len(problem.sizes)
    free_in_row: dict[int, int] = {}
    for seat in free_seats:
        free_in_row[seat // groups] = free_in_row.get(seat // groups, 0) + 1
    members: dict[int, list[int]] = {}
    for p, d in enumerate(problem.departments):
        if problem.pinned[p] is None:
            members.setdefault(d, []).append(p)
    pieces = []
    for d, people in members.items():
        whole = len(people) - len(people) % groups
        pieces += [(groups, d)] * (whole // groups)
        if len(people) % groups:
            pieces.append((len(people) % groups, d))
    rows: dict[int, list[int]] = {row: [] for row in free_in_row}
    for amount, d in sorted(pieces, key=lambda piece: (-piece[0], piece[1])):
        while amount:
            fitting = [row for row in rows if free_in_row[row] >= amount]
            row = (
                min(fitting, key=lambda r: (free_in_row[r], r))
                if fitting
                else max(rows, key=lambda r: (free_in_row[r], -r))
            )
            placed = min(amount, free_in_row[row])
            rows[row] += [members[d].pop() for _ in range(placed)]
            free_in_row[row] -= placed
            amount -= placed
    return [p for row in sorted(rows) for p in rows[row]]


def lattice_rounds(problem: Problem, rounds: int, rng: random.Random) -> list[list[int]]:
    """Up to ``rounds`` repeat-free rounds (group per person), departments spread.

    Empty when pins collide (two people pinned to one group) or no lattice fits.
    """
    n, groups = len(problem.departments), len(problem.sizes)
    pinned = [g for g in problem.pinned if g is not None]
    if len(set(pinned)) != len(pinned):
        return []
    plan = lattice(n, groups, rounds)
    if not plan:
        return []
    seat_of = [-1] * n
    for p, g in enumerate(problem.pinned):
        if g is not None:
            seat_of[p] = g
    taken = set(pinned)
    free = [seat for seat in range(n) if seat not in taken]
    others = _pack_rows(problem, free)
    for p, seat in zip(others, free, strict=True):
        seat_of[p] = seat
    _spread_departments(problem, plan, seat_of, others, rng)
    return [[groups_of_seat[seat_of[p]] for p in range(n)] for groups_of_seat in plan]


def _spread_departments(
    problem: Problem,
    plan: list[list[int]],
    seat_of: list[int],
    movable: list[int],
    rng: random.Random,
) -> None:
    """Tabu walk over seat swaps (each moves two people in all rounds at once) that
    lowers the department penalty; leaves the best seating in ``seat_of``."""
    dep, shares, groups = problem.departments, problem.shares, len(problem.sizes)
    penalty = department_penalties(problem)
    leave = [[0] + [row[c - 1] - row[c] for c in range(1, len(row))] for row in penalty]
    enter = [[row[c + 1] - row[c] for c in range(len(row) - 1)] + [0] for row in penalty]
    counts = [[[0] * len(shares) for _ in range(groups)] for _ in plan]
    for k, groups_of_seat in enumerate(plan):
        for p, seat in enumerate(seat_of):
            counts[k][groups_of_seat[seat]][dep[p]] += 1
    total = best_total = 0
    best = list(seat_of)
    tabu = [0] * len(seat_of)
    evaluations, it, stall = SEATING_EVALUATIONS, 0, 0
    while evaluations > 0 and stall < SEATING_STALL:
        it += 1
        crowded = [
            p
            for p in movable
            if any(
                counts[k][groups_of_seat[seat_of[p]]][dep[p]] > shares[dep[p]]
                for k, groups_of_seat in enumerate(plan)
            )
        ]
        if not crowded:
            break
        u = crowded[rng.randrange(len(crowded))]
        evaluations -= len(movable) * len(plan)
        stall += len(movable) * len(plan)
        du, choice, choice_delta, ties = dep[u], None, 0, 0
        for v in movable:
            dv = dep[v]
            if dv == du:
                continue
            delta = 0
            for k, groups_of_seat in enumerate(plan):
                a, b = groups_of_seat[seat_of[u]], groups_of_seat[seat_of[v]]
                if a != b:
                    count_a, count_b = counts[k][a], counts[k][b]
                    delta += (
                        leave[du][count_a[du]]
                        + enter[dv][count_a[dv]]
                        + leave[dv][count_b[dv]]
                        + enter[du][count_b[du]]
                    )
            if tabu[v] > it and total + delta >= best_total:
                continue
            if choice is None or delta < choice_delta:
                choice, choice_delta, ties = v, delta, 1
            elif delta == choice_delta:
                ties += 1
                if rng.randrange(ties) == 0:
                    choice = v
        if choice is None:
            continue
        for k, groups_of_seat in enumerate(plan):
            a, b = groups_of_seat[seat_of[u]], groups_of_seat[seat_of[choice]]
            counts[k][a][du] -= 1
            counts[k][a][dep[choice]] += 1
            counts[k][b][dep[choice]] -= 1
            counts[k][b][du] += 1
        seat_of[u], seat_of[choice] = seat_of[choice], seat_of[u]
        tabu[u] = tabu[choice] = it + 2 + rng.randrange(6)
        total += choice_delta
        if total < best_total:
            best_total, best, stall = total, list(seat_of), 0
    seat_of[:] = best
