"""Re-balance a round that is already out, with as few moves as possible.

For late arrivals and absences: the groups people already sit in stay as they are,
except for the fewest moves that make sizes differ by at most one again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from math import ceil

from groups.solver_quality import Round, count_meetings

Move = tuple[str, int | None, int | None]


def moves_needed(sizes: Sequence[int], unplaced: int, people: int) -> int:
    """Fewest moves left: place every unplaced person, then trim oversized groups.

    With ``base, extra = divmod(people, len(sizes))``, ``extra`` groups may keep
    base + 1 people; each other seat above base must move.
    """
    base, extra = divmod(people, len(sizes))
    over = [size - base for size in sizes if size > base]
    return unplaced + sum(over) - min(len(over), extra)


def rebalance(
    groups: Sequence[Sequence[str]],
    present_ids: Iterable[str],
    departments: Mapping[str, str],
    history: Iterable[Round] = (),
    fixed: Mapping[str, int] | None = None,
) -> tuple[list[list[str]], list[Move]]:
    """Fit one round to who is present now, moving as few people as possible.

    Absent people leave their group (a move to ``None``), newcomers are placed (a
    move from ``None``), then people move out of oversized groups until all sizes
    differ by at most one. Every step is one that some fewest-moves plan makes;
    among those, a step is chosen that keeps each department within the hard limit
    ceil(largest department / groups), then that adds fewest repeated pairs (counted
    against ``history``, the earlier rounds), then that keeps departments within
    their even share. People in ``fixed`` (id → group index) stay in, or go to,
    their group. Returns the new groups and the moves in the order made; the input
    is not changed. Raises ValueError when there are no groups.
    """
    if not groups:
        raise ValueError("there are no groups to re-balance")
    fixed = dict(fixed or {})
    present = list(dict.fromkeys(present_ids))
    here = set(present)
    new_groups = [[pid for pid in group if pid in here] for group in groups]
    moves: list[Move] = [
        (pid, g, None) for g, group in enumerate(groups) for pid in group if pid not in here
    ]
    seated = {pid for group in new_groups for pid in group}
    unplaced = [pid for pid in present if pid not in seated]
    for pid in [pid for pid in unplaced if pid in fixed and 0 <= fixed[pid] < len(groups)]:
        new_groups[fixed[pid]].append(pid)
        moves.append((pid, None, fixed[pid]))
        unplaced.remove(pid)

    met = count_meetings(history)
    count = len(groups)
    present_departments = Counter(departments.get(pid, "") for pid in present)
    shares = {dep: ceil(size / count) for dep, size in present_departments.items()}
    limit = max(shares.values(), default=0)

    def repeats(pid: str, group: list[str]) -> int:
        return sum(1 for other in group if other != pid and met[tuple(sorted((pid, other)))])

    def cost(pid: str, source: int | None, target: int) -> tuple[int, int, int, int]:
        dep = departments.get(pid, "")
        here_now = Counter(departments.get(other, "") for other in new_groups[target])[dep]
        hard = int(here_now + 1 > limit)
        share = int(here_now + 1 > shares[dep])
        gained = repeats(pid, new_groups[target])
        if source is not None:
            there = Counter(departments.get(other, "") for other in new_groups[source])[dep]
            hard -= int(there > limit)
            share -= int(there > shares[dep])
            gained -= repeats(pid, new_groups[source])
        return hard, gained, share, here_now

    def after(step: Move, sizes: list[int]) -> int:
        _, source, target = step
        changed = list(sizes)
        changed[target] += 1
        if source is not None:
            changed[source] -= 1
        return moves_needed(changed, len(unplaced) - (source is None), len(present))

    while True:
        sizes = [len(group) for group in new_groups]
        left = moves_needed(sizes, len(unplaced), len(present))
        if left == 0:
            break
        steps = [(pid, None, g) for pid in unplaced for g in range(count)]
        steps += [
            (pid, g, h)
            for g, group in enumerate(new_groups)
            for pid in group
            if pid not in fixed
            for h in range(count)
            if h != g and sizes[h] < sizes[g]
        ]
        useful = [step for step in steps if after(step, sizes) < left]
        if not useful:
            break  # only pinned people could even the sizes out
        pid, source, target = min(
            useful, key=lambda step: (step[1] is not None, cost(*step), step[2])
        )
        if source is None:
            unplaced.remove(pid)
        else:
            new_groups[source].remove(pid)
        new_groups[target].append(pid)
        moves.append((pid, source, target))
    return new_groups, moves
