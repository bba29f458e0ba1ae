"""A seminar's program as the program file's data: read from the database, written back as
a program file, and checked by the import's own parser.

`read()` is the exported program file (program.programfile.export_program) as TOML data;
the editor changes that data, and `check()` writes it out and parses it as an import would.
A problem the parser reports on a line is traced back to the item (or day) and field that
the line holds, so the editor shows it next to the field it is about.
"""

import datetime as dt
import json
import tomllib
from dataclasses import dataclass, field

from program import itemkeys
from program.models import AgendaItem
from program.programfile import ProgramFileError, ProgramSpec, export_program, parse
from seminar.models import Seminar

# Where a line of the written file came from: ("seminar" | "grouping" | "day" | "item", id, field).
Place = tuple[str, str, str]


@dataclass
class Refused(Exception):
    """The edited program would not import; nothing was saved."""

    problems: list[tuple[Place | None, str]] = field(default_factory=list)

    def about(self, kind: str, ident: str) -> list[tuple[str, str]]:
        """(field, message) for every problem on one item or day."""
        return [
            (place[2], message)
            for place, message in self.problems
            if place is not None and place[0] == kind and place[1] == ident
        ]


def read(seminar: Seminar) -> dict:
    """The seminar's program as the data of its program file (every item keyed first)."""
    give_keys(seminar)
    return tomllib.loads(export_program(seminar))


def give_keys(seminar: Seminar) -> None:
    """Items made without a key (not by an import: by hand, in the admin) get the key the import
    would give them, saved, so that saving the program matches them and keeps their work."""
    blank = list(AgendaItem.objects.for_seminar(seminar).filter(key=""))
    if blank:
        taken = set(
            AgendaItem.objects.filter(day__seminar=seminar)
            .exclude(key="")
            .values_list("key", flat=True)
        )
        for item in blank:
            item.key = itemkeys.unique(itemkeys.from_title(item.title), taken)
            taken.add(item.key)
        AgendaItem.objects.bulk_update(blank, ["key"])


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (dt.date, dt.time)):
        value = value.isoformat() if isinstance(value, dt.date) else value.strftime("%H:%M")
    if isinstance(value, list):
        return "[" + ", ".join(_value(part) for part in value) + "]"
    # A JSON string is a TOML basic string, but for DEL, which TOML wants escaped.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def write(data: dict) -> tuple[str, dict[int, Place]]:
    """The program file for the data, and what each of its lines holds (one key a line)."""
    out: list[str] = []
    places: dict[int, Place] = {}

    def table(header: str, values: dict, kind: str, ident: str) -> None:
        if out:
            out.append("")
        out.append(header)
        places[len(out)] = (kind, ident, "")
        for name, value in values.items():
            if name != "items" and value is not None:
                out.append(f"{name} = {_value(value)}")
                places[len(out)] = (kind, ident, name)

    table("[seminar]", data.get("seminar", {}), "seminar", "")
    for grouping in data.get("groupings", []):
        table("[[groupings]]", grouping, "grouping", str(grouping.get("name", "")))
    for day in data.get("days", []):
        table("[[days]]", day, "day", str(day.get("date", "")))
        for item in day.get("items", []):
            table("[[days.items]]", item, "item", str(item.get("key", "")))
    return "\n".join(out) + "\n", places


def check(data: dict) -> ProgramSpec:
    """The data read back as the import reads a file; raises Refused with every problem."""
    text, places = write(data)
    try:
        return parse(text)
    except ProgramFileError as error:
        raise Refused([(places.get(line), message) for line, message in error.problems]) from None


def find_item(data: dict, key: str) -> tuple[dict, int] | None:
    """The day holding the item with this key, and the item's index in it."""
    for day in data.get("days", []):
        for index, item in enumerate(day.get("items", [])):
            if item.get("key") == key:
                return day, index
    return None


def find_day(data: dict, date: dt.date) -> dict | None:
    return next(
        (day for day in data.get("days", []) if str(day.get("date")) == date.isoformat()), None
    )
