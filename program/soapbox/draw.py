"""The speaker draw, as a pure function: the same candidates and seed always give the same speakers.

Every ordered choice of `count` candidates is equally likely. The candidates are sorted
first, so the order in which a database returns them does not matter; the shuffle uses
only `random.Random(seed).randrange`, which is stable across Python versions.
"""

import random
from collections.abc import Iterable


def draw(candidates: Iterable[int], count: int, seed: int) -> list[int]:
    """`count` of the candidates (or all, if fewer), in speaking order, chosen uniformly by
    `seed`."""
    pool = sorted(set(candidates))
    rng = random.Random(seed)
    picked = min(count, len(pool))
    for index in range(picked):  # a partial Fisher-Yates shuffle
        other = index + rng.randrange(len(pool) - index)
        pool[index], pool[other] = pool[other], pool[index]
    return pool[:picked]


def new_seed() -> int:
    """A fresh seed from the system's randomness (kept with the draw so it can be repeated)."""
    return random.SystemRandom().randrange(1, 2**62)
