"""Quality figures of a grouping: who meets again, and how departments spread.

Pure Python, no Django: the solver reports these figures, and the Django side uses
:func:`quality` to score a round a facilitator has edited by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from math import ceil

Round = Sequence[Sequence[str]]
Pair = tuple[str, str]


def count_meetings(rounds: Iterable[Round]) -> Counter[Pair]:
    """How often each pair (sorted ids) sits in the same group."""
    met: Counter[Pair] = Counter()
    for groups in rounds:
        for group in groups:
            met.update(combinations(sorted(group), 2))
    return met


def department_map(people: Mapping[str, str] | Iterable[Mapping[str, object]]) -> dict[str, str]:
    """Id → department, from a mapping or from instance-style person dicts."""
    if isinstance(people, Mapping):
        return {str(pid): str(dep) for pid, dep in people.items()}
    return {str(p["id"]): str(p.get("department", "")) for p in people}


def department_shares(groups: Round, departments: Mapping[str, str]) -> dict[str, int]:
    """Each department's even share of one round: ceil(colleagues present / groups)."""
    present = Counter(departments.get(pid, "") for group in groups for pid in group)
    return {dep: ceil(size / len(groups)) for dep, size in present.items()}


def department_spread(rounds: Iterable[Round], departments: Mapping[str, str]) -> tuple[int, int]:
    """(colleagues beyond their even share, summed; most colleagues at one group)."""
    excess = most = 0
    for groups in rounds:
        if not groups:
            continue
        shares = department_shares(groups, departments)
        for group in groups:
            for dep, count in Counter(departments.get(pid, "") for pid in group).items():
                excess += max(0, count - shares[dep])
                most = max(most, count)
    return excess, most


def quality(
    rounds: Sequence[Round],
    people: Mapping[str, str] | Iterable[Mapping[str, object]],
    history: Iterable[Round] = (),
) -> dict[str, int]:
    """Score new rounds against the history before them.

    ``people`` maps ids to departments (or is the instance's list of person dicts).
    A pair counts as repeated when it meets at least once in ``rounds`` and more than
    once in history and ``rounds`` together; repeats within the history alone are not
    this grouping's doing and are left out. ``max_pair_meetings`` is taken over the
    pairs that meet in ``rounds``.
    """
    departments = department_map(people)
    new = count_meetings(rounds)
    old = count_meetings(history)
    totals = [count + old[pair] for pair, count in new.items()]
    sizes = [len(group) for groups in rounds for group in groups]
    excess, most = department_spread(rounds, departments)
    return {
        "repeated_pairs": sum(1 for total in totals if total > 1),
        "max_pair_meetings": max(totals, default=0),
        "min_group_size": min(sizes, default=0),
        "max_group_size": max(sizes, default=0),
        "department_excess": excess,
        "max_department_at_group": most,
    }
