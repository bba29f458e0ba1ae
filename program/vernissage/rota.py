"""The host rota: who stays at a table's gallery in each turn. Pure Python, no Django.

Members are taken in a fixed order and walked round like a clock: each turn the next
`hosts_per_turn` members host. Over any run of turns from the first, no member hosts
more than once more than any other, and within `turns` turns everyone hosts.
"""

from collections.abc import Sequence
from math import ceil
from typing import TypeVar

T = TypeVar("T")


def hosts_per_turn(size: int, turns: int) -> int:
    """Enough hosts per turn that everyone hosts once within `turns` turns (at least one)."""
    if size <= 0:
        return 0
    return max(1, ceil(size / max(1, turns)))


def hosts_at(members: Sequence[T], turn: int, turns: int) -> list[T]:
    """The hosts of turn number `turn` (0-based; past the last turn the rota goes round again)."""
    size = len(members)
    count = hosts_per_turn(size, turns)
    if count == 0:
        return []
    start = (turn * count) % size
    return [members[(start + offset) % size] for offset in range(count)]


def rota(members: Sequence[T], turns: int) -> list[list[T]]:
    """Every turn's hosts, in order."""
    return [hosts_at(members, turn, turns) for turn in range(max(1, turns))]
