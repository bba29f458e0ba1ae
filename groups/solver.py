"""Group solver: tables of 6 or big groups, over several rounds, for one seminar.

Pure Python with no Django import, deterministic for a seed. Use :func:`solve` with
an instance dict (format in ``docs/solver.md``), or the typed core
(:class:`Instance` → :func:`solve_instance` → :class:`Solution`). From a shell::

    python -m groups.solver INSTANCE.json     # "-" reads standard input

prints ``{"rounds": ..., "quality": ...}`` as JSON; a bad instance prints one line on
standard error and exits with code 2.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from math import ceil

from groups.solver_quality import quality
from groups.solver_rebalance import rebalance
from groups.solver_search import Problem, plan_sizes
from groups.solver_tabu import build_rounds

__all__ = [
    "Instance",
    "InstanceError",
    "Person",
    "Solution",
    "parse_instance",
    "quality",
    "rebalance",
    "solve",
    "solve_instance",
]

Grouping = list[list[list[str]]]


class InstanceError(ValueError):
    """An instance that cannot be solved; the message says why, in one line."""


@dataclass(frozen=True)
class Person:
    id: str
    department: str
    fixed_group: int | None = None


@dataclass(frozen=True)
class Instance:
    people: tuple[Person, ...]
    num_groups: int
    rounds: int
    history: tuple[tuple[tuple[str, ...], ...], ...] = ()
    seed: int = 0


@dataclass(frozen=True)
class Solution:
    rounds: Grouping
    quality: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"rounds": self.rounds, "quality": self.quality}


def _integer(data: dict, key: str, minimum: int) -> int:
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InstanceError(f"'{key}' must be a whole number of at least {minimum}, got {value!r}")
    return value


def _person(index: int, raw: object) -> Person:
    if not isinstance(raw, dict):
        raise InstanceError(f"people[{index}] must be an object with 'id' and 'department'")
    for key in ("id", "department"):
        if key not in raw:
            raise InstanceError(f"people[{index}] has no '{key}'")
        if not isinstance(raw[key], str) or not raw[key]:
            raise InstanceError(f"people[{index}].{key} must be a non-empty string")
    fixed = raw.get("fixed_group")
    if fixed is not None and (isinstance(fixed, bool) or not isinstance(fixed, int)):
        raise InstanceError(f"people[{index}].fixed_group must be a group index or null")
    return Person(raw["id"], raw["department"], fixed)


def _history(raw: object) -> tuple[tuple[tuple[str, ...], ...], ...]:
    if not isinstance(raw, list):
        raise InstanceError("'history' must be a list of rounds, each a list of groups of ids")
    rounds = []
    for r, groups in enumerate(raw):
        if not isinstance(groups, list) or not all(
            isinstance(group, list) and all(isinstance(pid, str) for pid in group)
            for group in groups
        ):
            raise InstanceError(f"history[{r}] must be a list of groups, each a list of ids")
        rounds.append(tuple(tuple(group) for group in groups))
    return tuple(rounds)


def parse_instance(data: object) -> Instance:
    """Check an instance dict's shape and types; raise InstanceError if it is wrong."""
    if not isinstance(data, dict):
        raise InstanceError("the instance must be a JSON object")
    for key in ("people", "rounds"):
        if key not in data:
            raise InstanceError(f"the instance has no '{key}'")
    if not isinstance(data["people"], list) or not data["people"]:
        raise InstanceError("'people' must be a non-empty list")
    people = tuple(_person(i, raw) for i, raw in enumerate(data["people"]))
    if ("group_size" in data) == ("num_groups" in data):
        raise InstanceError("give exactly one of 'group_size' and 'num_groups'")
    if "group_size" in data:
        num_groups = ceil(len(people) / _integer(data, "group_size", 1))
    else:
        num_groups = _integer(data, "num_groups", 1)
    seed = data.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InstanceError(f"'seed' must be a whole number, got {seed!r}")
    history = _history(data.get("history", []))
    return Instance(people, num_groups, _integer(data, "rounds", 1), history, seed)


def validate(instance: Instance) -> list[int]:
    """Check what types cannot: unique ids, pins in range and room for them.

    Returns the planned size of each group.
    """
    duplicates = sorted(pid for pid, n in Counter(p.id for p in instance.people).items() if n > 1)
    if duplicates:
        raise InstanceError(f"duplicate person ids: {', '.join(duplicates[:5])}")
    groups = instance.num_groups
    if groups > len(instance.people):
        raise InstanceError(f"{groups} groups is more than the {len(instance.people)} people")
    if instance.rounds < 1:
        raise InstanceError("'rounds' must be at least 1")
    for person in instance.people:
        if person.fixed_group is not None and not 0 <= person.fixed_group < groups:
            raise InstanceError(
                f"{person.id} is fixed to group {person.fixed_group}, "
                f"but there are only groups 0 to {groups - 1}"
            )
    for r, round_groups in enumerate(instance.history):
        seen = Counter(pid for group in round_groups for pid in group)
        twice = sorted(pid for pid, n in seen.items() if n > 1)
        if twice:
            raise InstanceError(f"history[{r}] places {twice[0]} more than once")
    pinned = Counter(p.fixed_group for p in instance.people if p.fixed_group is not None)
    try:
        return plan_sizes(len(instance.people), groups, [pinned[g] for g in range(groups)])
    except ValueError as error:
        raise InstanceError(str(error)) from None


def solve_instance(instance: Instance) -> Solution:
    """Group everyone for every round; see ``docs/solver.md`` for the method."""
    sizes = validate(instance)
    people = instance.people
    index = {p.id: i for i, p in enumerate(people)}
    department_index: dict[str, int] = {}
    for p in people:
        department_index.setdefault(p.department, len(department_index))
    department_sizes = Counter(p.department for p in people)
    groups = instance.num_groups
    meetings = [[0] * len(people) for _ in people]
    for round_groups in instance.history:
        for group in round_groups:
            known = [index[pid] for pid in group if pid in index]
            for i, p in enumerate(known):
                for q in known[i + 1 :]:
                    meetings[p][q] += 1
                    meetings[q][p] += 1
    problem = Problem(
        departments=[department_index[p.department] for p in people],
        pinned=[p.fixed_group for p in people],
        sizes=sizes,
        shares=[ceil(department_sizes[d] / groups) for d in department_index],
        limit=ceil(max(department_sizes.values()) / groups),
        meetings=meetings,
    )
    built = build_rounds(problem, instance.rounds, random.Random(instance.seed))
    rounds = []
    for group_of in built:
        round_groups: list[list[str]] = [[] for _ in range(groups)]
        for person, g in zip(people, group_of, strict=True):
            round_groups[g].append(person.id)
        rounds.append(round_groups)
    departments = {p.id: p.department for p in people}
    return Solution(rounds, quality(rounds, departments, instance.history))


def solve(data: object) -> dict[str, object]:
    """Solve an instance dict; returns ``{"rounds": ..., "quality": ...}``."""
    return solve_instance(parse_instance(data)).as_dict()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(
            "usage: python -m groups.solver INSTANCE.json (or - for standard input)",
            file=sys.stderr,
        )
        return 2
    path = args[0]
    try:
        if path == "-":
            data = json.load(sys.stdin)
        else:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        result = solve(data)
    except OSError as error:
        print(f"error: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as error:
        print(
            f"error: {path} is not valid JSON: {error.msg} at line {error.lineno} "
            f"column {error.colno}",
            file=sys.stderr,
        )
        return 2
    except UnicodeDecodeError:
        print(f"error: {path} is not UTF-8 text", file=sys.stderr)
        return 2
    except InstanceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
