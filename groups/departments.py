"""Department groups: one group per department, small ones merged, large ones split.

Pure Python, no Django: takes (id, department) pairs and returns named groups.
"""

from collections import defaultdict
from math import ceil


def department_groups(
    people: list[tuple[str, str]], *, max_size: int | None = None, min_size: int | None = None
) -> list[tuple[str, list[str]]]:
    """Group people by department.

    A department larger than `max_size` is split into as few, even groups as that
    allows ("Børn og Unge 1", "Børn og Unge 2"). A department smaller than `min_size`
    joins the smallest group at that point, whose name then names both
    ("Social og Sundhed + Jobcenter"). Groups come out in order of department name;
    members keep the order given.
    """
    by_department: dict[str, list[str]] = defaultdict(list)
    for person, department in people:
        by_department[department].append(person)
    large = {d: ids for d, ids in by_department.items() if not min_size or len(ids) >= min_size}
    small = {d: ids for d, ids in by_department.items() if d not in large}
    if not large:  # everyone is in a small department: they form one group together
        return (
            [(" + ".join(sorted(small)), [p for d in sorted(small) for p in small[d]])]
            if small
            else []
        )

    groups: list[tuple[list[str], list[str]]] = []  # (names, members)
    for department in sorted(large):
        members = large[department]
        parts = ceil(len(members) / max_size) if max_size else 1
        for index in range(parts):
            share = members[index::parts]
            name = f"{department} {index + 1}" if parts > 1 else department
            groups.append(([name], share))
    for department in sorted(small, key=lambda d: (-len(small[d]), d)):
        names, members = min(groups, key=lambda group: (len(group[1]), group[0]))
        names.append(department)
        members.extend(small[department])
    return [(" + ".join(names), members) for names, members in groups]
