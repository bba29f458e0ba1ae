"""The program file's checks across fields: size, order of days and times, lengths, group sizes.

Each problem names the line to fix. They run after the fields are read one by one
(program.programfile.parse) and add to the same list, so a file gets every problem at once.
"""

from django.utils.translation import gettext as _

from groups.models import Grouping
from program.models import AgendaItem, Day
from seminar.models import Seminar

MAX_BYTES = 1_000_000  # a two-day program is ~20 kB; 1 MB holds thousands of items
MAX_GROUP_SIZE = 1000
MAX_GROUPS = 500


def _limit(model, name: str) -> int:
    return model._meta.get_field(name).max_length


# Texts stored in length-limited columns: (table, field) -> the column's length.
LIMITS = {
    "seminar": {name: _limit(Seminar, name) for name in ("title", "title_en", "place", "place_en")},
    "grouping": {"name": _limit(Grouping, "name"), "label": _limit(Grouping, "label")},
    "day": {name: _limit(Day, name) for name in ("title", "title_en")},
    "item": {
        name: _limit(AgendaItem, name)
        for name in ("title", "title_en", "leads", "leads_en", "place", "place_en")
    },
}


def check_size(text: str, error) -> None:
    """Refuse a file over MAX_BYTES at once, naming the line where the limit is crossed."""
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        line = data[:MAX_BYTES].count(b"\n") + 1
        raise error(
            [
                (
                    line,
                    _(
                        "the file is %(size)s bytes; a program file may be at most "
                        "%(limit)s bytes (1 MB), and this line crosses the limit"
                    )
                    % {"size": f"{len(data):,}", "limit": f"{MAX_BYTES:,}"},
                )
            ]
        )


def _length(table: str, name: str, value: str, line: int, problems) -> None:
    limit = LIMITS[table][name]
    if len(value) > limit:
        problems.append(
            (
                line,
                _("%(field)s is %(length)s characters long; at most %(limit)s")
                % {"field": name, "length": len(value), "limit": limit},
            )
        )


def check(spec, lines, problems: list) -> None:
    head = lines.header("seminar")
    for name in ("title", "place"):
        _length("seminar", name, getattr(spec, name), lines.key(head, name), problems)
        _length(
            "seminar",
            f"{name}_en",
            spec.english.get(f"{name}_en", ""),
            lines.key(head, f"{name}_en"),
            problems,
        )
    for grouping in spec.groupings:
        _groups(grouping, lines, problems)
    previous = None
    for day in spec.days:
        date_line = lines.key(day.line, "date")
        if (
            previous is not None
            and day.date is not None
            and previous.date is not None
            and day.date < previous.date
        ):
            problems.append(
                (
                    date_line,
                    _(
                        "the day %(date)s comes after %(previous)s (line %(line)s); "
                        "put the days in date order"
                    )
                    % {"date": day.date, "previous": previous.date, "line": previous.line},
                )
            )
        _length("day", "title", day.title, lines.key(day.line, "title"), problems)
        _length(
            "day",
            "title_en",
            day.english.get("title_en", ""),
            lines.key(day.line, "title_en"),
            problems,
        )
        _items(day.items, lines, problems)
        previous = day


def _groups(grouping: dict, lines, problems) -> None:
    line = grouping["line"]
    _length("grouping", "name", grouping["name"], line, problems)
    _length("grouping", "label", grouping["label"], lines.key(line, "label"), problems)
    size, count, smallest = grouping["group_size"], grouping["num_groups"], grouping["min_size"]
    size_key = "split_above" if grouping["kind"] == "department" else "group_size"
    if isinstance(size, int) and size > MAX_GROUP_SIZE:
        problems.append(
            (
                lines.key(line, size_key),
                _("%(field)s must be at most %(limit)s")
                % {"field": size_key, "limit": MAX_GROUP_SIZE},
            )
        )
    if isinstance(count, int) and count > MAX_GROUPS:
        problems.append(
            (
                lines.key(line, "num_groups"),
                _("%(field)s must be at most %(limit)s")
                % {"field": "num_groups", "limit": MAX_GROUPS},
            )
        )
    if size is not None and count is not None:
        problems.append(
            (lines.key(line, "num_groups"), _("give group_size or num_groups, not both"))
        )
    if isinstance(size, int) and isinstance(smallest, int) and smallest > size:
        problems.append(
            (
                lines.key(line, "min_size"),
                _("min_size %(smallest)s is larger than split_above %(size)s")
                % {"smallest": smallest, "size": size},
            )
        )


def _items(items, lines, problems) -> None:
    previous = None
    for item in items:
        for name in LIMITS["item"]:
            value = item.english.get(name, "") if name.endswith("_en") else getattr(item, name)
            _length("item", name, value, lines.key(item.line, name), problems)
        if item.start is not None and previous is not None and item.start < previous.start:
            problems.append(
                (
                    lines.key(item.line, "start"),
                    _(
                        "start %(start)s is before the start of the item above "
                        "(%(previous)s, line %(line)s); put the items in time order"
                    )
                    % {
                        "start": f"{item.start:%H:%M}",
                        "previous": f"{previous.start:%H:%M}",
                        "line": lines.key(previous.line, "start"),
                    },
                )
            )
        if item.returns_at is not None and item.start is not None and item.returns_at <= item.start:
            problems.append(
                (
                    lines.key(item.line, "returns_at"),
                    _("returns_at %(returns_at)s is not after the item's start %(start)s")
                    % {"returns_at": f"{item.returns_at:%H:%M}", "start": f"{item.start:%H:%M}"},
                )
            )
        if item.start is not None:
            previous = item
