"""Tabu search over all new rounds at once (people and groups are indices).

Moves are swaps of two people between groups of the same round, and moves of one
person from a large to a small group. Each step takes up to SAMPLE people in
conflict in some round (over the department limit; else meeting someone there whom
they also meet elsewhere; else over their department's share), evaluates every move
of each in that round in O(1) per move, and makes the best one that is not tabu, even
when it is worse: that is how the search leaves local minima. The best state seen is
returned. ``build_rounds`` chooses the start (greedy or lattice) and runs the search.
"""

from __future__ import annotations

import random

from groups.solver_lattice import lattice_rounds
from groups.solver_search import (
    Problem,
    add_round,
    department_penalties,
    extra_meeting_costs,
    greedy_round,
)

# Work allowed for one solve, in evaluated moves (a count, not a clock).
EVALUATIONS = 2_000_000
# ... and it stops early after this many evaluations without a new best.
STALL = 400_000
# Each step looks at up to this many people in conflict and makes the best move found.
SAMPLE = 16
TENURE_MIN = 3
TENURE_SPAN = 8


class Search:
    """State of the search; ``problem.meetings`` must already hold ``rounds``.

    ``cost_to[r][p][g]`` is what p pays in round r for sitting in group g: the sum of
    ``costs[k]`` over p's would-be group-mates, where k counts their meetings outside
    round r. A move's change in cost follows from a handful of these numbers.
    """

    def __init__(
        self, problem: Problem, rounds: list[list[int]], costs: list[int], rng: random.Random
    ) -> None:
        self.problem, self.costs, self.rng = problem, costs, rng
        self.meetings = problem.meetings
        n, groups = len(problem.departments), len(problem.sizes)
        self.movable = [p for p in range(n) if problem.pinned[p] is None]
        self.rounds = [list(group_of) for group_of in rounds]
        self.cost_to = []
        self.counts = []
        self.sizes = []
        for group_of in self.rounds:
            cost_to = [[0] * groups for _ in range(n)]
            for p, row in enumerate(cost_to):
                own = group_of[p]
                for x, met in enumerate(self.meetings[p]):
                    if met and x != p:
                        row[group_of[x]] += costs[met - (group_of[x] == own)]
            self.cost_to.append(cost_to)
            counts = [[0] * len(problem.shares) for _ in range(groups)]
            sizes = [0] * groups
            for p, g in enumerate(group_of):
                counts[g][problem.departments[p]] += 1
                sizes[g] += 1
            self.counts.append(counts)
            self.sizes.append(sizes)
        penalty = department_penalties(problem)
        self.leave = [[0] + [row[c - 1] - row[c] for c in range(1, len(row))] for row in penalty]
        self.enter = [[row[c + 1] - row[c] for c in range(len(row) - 1)] + [0] for row in penalty]
        self.tabu = [[[0] * groups for _ in range(n)] for _ in rounds]
        self.total = 0  # cost relative to the start

    def conflicted(self) -> list[tuple[int, int]]:
        """(round, person) pairs to work on, most urgent kind first: over the hard
        department limit; meeting someone again; over the department's share."""
        dep, shares, limit = self.problem.departments, self.problem.shares, self.problem.limit
        over_limit, repeating, crowded = [], [], []
        for r, group_of in enumerate(self.rounds):
            cost_to, counts = self.cost_to[r], self.counts[r]
            for p in self.movable:
                g = group_of[p]
                count = counts[g][dep[p]]
                if count > limit:
                    over_limit.append((r, p))
                elif cost_to[p][g]:
                    repeating.append((r, p))
                elif count > shares[dep[p]]:
                    crowded.append((r, p))
        return over_limit or repeating or crowded

    def best_move(self, r: int, p: int, it: int, best_total: int) -> tuple[int, int] | None:
        """(delta, choice) of p's best allowed move in round r: choice q ≥ 0 swaps
        with q, choice -1 - b moves p to group b."""
        dep, costs, rng, enter, leave = (
            self.problem.departments,
            self.costs,
            self.rng,
            self.enter,
            self.leave,
        )
        group_of, cost_to, counts, tabu = (
            self.rounds[r],
            self.cost_to[r],
            self.counts[r],
            self.tabu[r],
        )
        a, met_p, d_p = group_of[p], self.meetings[p], dep[p]
        to_p, tabu_p, count_a = cost_to[p], tabu[p], counts[a]
        enter_p, leave_here = enter[d_p], leave[d_p][count_a[d_p]]
        stay, ceiling = to_p[a] - leave_here, best_total - self.total
        choice, choice_delta, ties = None, 0, 0
        for q in self.movable:
            b = group_of[q]
            if b == a:
                continue
            to_q, d_q = cost_to[q], dep[q]
            delta = to_p[b] - stay + to_q[a] - to_q[b] - 2 * costs[met_p[q]]
            if d_q != d_p:
                count_b = counts[b]
                delta += enter_p[count_b[d_p]] + enter[d_q][count_a[d_q]] + leave[d_q][count_b[d_q]]
            else:
                delta -= leave_here
            if (tabu_p[b] > it or tabu[q][a] > it) and delta >= ceiling:
                continue
            if choice is None or delta < choice_delta:
                choice, choice_delta, ties = q, delta, 1
            elif delta == choice_delta:
                ties += 1
                if rng.randrange(ties) == 0:
                    choice = q
        sizes = self.sizes[r]
        for b, size in enumerate(sizes):
            if size != sizes[a] - 1:
                continue
            delta = to_p[b] - stay + enter_p[counts[b][d_p]]
            if tabu_p[b] > it and delta >= ceiling:
                continue
            if choice is None or delta < choice_delta:
                choice, choice_delta, ties = -1 - b, delta, 1
            elif delta == choice_delta:
                ties += 1
                if rng.randrange(ties) == 0:
                    choice = -1 - b
        return None if choice is None else (choice_delta, choice)

    def _relink(self, r: int, changed: list[tuple[int, int, int]]) -> None:
        """Pairs (u, v) met ``step`` more times in round r: update the other rounds."""
        meetings, costs = self.meetings, self.costs
        for u, v, step in changed:
            before = meetings[u][v]
            meetings[u][v] = meetings[v][u] = before + step
            for other, group_of in enumerate(self.rounds):
                if other == r:
                    continue
                gu, gv = group_of[u], group_of[v]
                outside = before - (gu == gv)
                change = costs[outside + step] - costs[outside]
                if change:
                    cost_to = self.cost_to[other]
                    cost_to[u][gv] += change
                    cost_to[v][gu] += change

    def swap(self, r: int, p: int, q: int) -> None:
        group_of, cost_to, costs, meetings = (
            self.rounds[r],
            self.cost_to[r],
            self.costs,
            self.meetings,
        )
        a, b = group_of[p], group_of[q]
        met_p, met_q = meetings[p], meetings[q]
        changed = []
        for x, g in enumerate(group_of):
            if x == p or x == q:
                continue
            change = costs[met_q[x] - (g == b)] - costs[met_p[x] - (g == a)]
            if change:
                cost_to[x][a] += change
                cost_to[x][b] -= change
            if g == a:
                changed += [(p, x, -1), (q, x, 1)]
            elif g == b:
                changed += [(p, x, 1), (q, x, -1)]
        both = costs[met_p[q]]
        cost_to[p][a] += both
        cost_to[p][b] -= both
        cost_to[q][b] += both
        cost_to[q][a] -= both
        group_of[p], group_of[q] = b, a
        self._recount(r, p, a, b)
        self._recount(r, q, b, a)
        self._relink(r, changed)

    def move(self, r: int, p: int, b: int) -> None:
        group_of, cost_to, costs, met_p = (
            self.rounds[r],
            self.cost_to[r],
            self.costs,
            self.meetings[p],
        )
        a = group_of[p]
        changed = []
        for x, g in enumerate(group_of):
            if x == p:
                continue
            change = costs[met_p[x] - (g == a)]
            if change:
                cost_to[x][a] -= change
                cost_to[x][b] += change
            if g == a:
                changed.append((p, x, -1))
            elif g == b:
                changed.append((p, x, 1))
        group_of[p] = b
        self.sizes[r][a] -= 1
        self.sizes[r][b] += 1
        self._recount(r, p, a, b)
        self._relink(r, changed)

    def _recount(self, r: int, p: int, a: int, b: int) -> None:
        d = self.problem.departments[p]
        self.counts[r][a][d] -= 1
        self.counts[r][b][d] += 1

    def run(self, evaluations: int) -> list[list[int]]:
        """Search until no conflict is left or about ``evaluations`` moves have been
        evaluated; return the best rounds seen."""
        rng = self.rng
        per_call = len(self.movable) + len(self.problem.sizes)
        best_total, best = 0, [list(group_of) for group_of in self.rounds]
        it, stall = 0, 0
        while evaluations > 0 and stall < STALL:
            it += 1
            conflicted = self.conflicted()
            if not conflicted:
                break
            if len(conflicted) > SAMPLE:
                conflicted = rng.sample(conflicted, SAMPLE)
            evaluations -= per_call * len(conflicted)
            stall += per_call * len(conflicted)
            found = None
            for r0, p0 in conflicted:
                move = self.best_move(r0, p0, it, best_total)
                if move is not None and (found is None or move[0] < found[0]):
                    found, r, p = move, r0, p0
            if found is None:
                continue
            delta, choice = found
            a = self.rounds[r][p]
            tenure = TENURE_MIN + rng.randrange(TENURE_SPAN)
            if choice >= 0:
                self.tabu[r][choice][self.rounds[r][choice]] = it + tenure
                self.swap(r, p, choice)
            else:
                self.move(r, p, -1 - choice)
            self.tabu[r][p][a] = it + tenure
            self.total += delta
            if self.total < best_total:
                best_total, best = self.total, [list(group_of) for group_of in self.rounds]
                stall = 0
        return best


def total_cost(
    problem: Problem, history: list[list[int]], built: list[list[int]], costs: list[int]
) -> int:
    """Full cost of ``built`` rounds after ``history`` (meetings matrix)."""
    meetings = [list(row) for row in history]
    for group_of in built:
        add_round(meetings, group_of, 1)
    paid = [0]
    for cost in costs:
        paid.append(paid[-1] + cost)
    total = sum(paid[m] for row in meetings for m in row) // 2
    penalty = department_penalties(problem)
    for group_of in built:
        counts: dict[tuple[int, int], int] = {}
        for p, g in enumerate(group_of):
            key = (g, problem.departments[p])
            counts[key] = counts.get(key, 0) + 1
        total += sum(penalty[d][c] for (_, d), c in counts.items())
    return total


def _complete(
    problem: Problem,
    history: list[list[int]],
    start: list[list[int]],
    rounds: int,
    costs: list[int],
    rng: random.Random,
) -> list[list[int]]:
    """Add greedy rounds after ``start`` until there are ``rounds``."""
    problem.meetings[:] = [list(row) for row in history]
    built = list(start)
    for group_of in built:
        add_round(problem.meetings, group_of, 1)
    while len(built) < rounds:
        group_of = greedy_round(problem, costs, rng)
        add_round(problem.meetings, group_of, 1)
        built.append(group_of)
    return built


def build_rounds(problem: Problem, rounds: int, rng: random.Random) -> list[list[int]]:
    """Build ``rounds`` new rounds: start from the cheaper of a greedy construction
    and a lattice (see solver_lattice), then tabu search over all rounds at once.

    Leaves ``problem.meetings`` holding the history plus the returned rounds.
    """
    history = [list(row) for row in problem.meetings]
    costs = extra_meeting_costs(max(map(max, history)) + rounds + 1)
    start = _complete(problem, history, [], rounds, costs, rng)
    lattice = lattice_rounds(problem, rounds, rng)
    if lattice:
        other = _complete(problem, history, lattice, rounds, costs, rng)
        if total_cost(problem, history, other, costs) < total_cost(problem, history, start, costs):
            start = other
    _complete(problem, history, start, rounds, costs, rng)
    best = Search(problem, start, costs, rng).run(EVALUATIONS)
    _complete(problem, history, best, rounds, costs, rng)
    return best
