"""The program file: a seminar's program as plain TOML with named fields (docs/program-format.md).

`parse()` reads and checks a file completely and returns plain data, or raises
`ProgramFileError` with every problem and its line number. `import_program()` writes
a parsed program in one transaction (program.programimport: in place, by item key);
`export_program()` writes a seminar back out, so that an exported program imports back
unchanged.
"""

import datetime as dt
import gc
import json
import re
import tomllib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from groups.models import Grouping
from program import activities, programchecks
from program.programfields import (
    ITEM_SETTINGS,
    _derive_keys,
    _english,
    _explicit_key,
    _item_settings,
    _seminar_terms,
    _time,
    _with_english,
    kind_setting_names,
)
from program.programlines import Lines
from seminar.models import COLOUR, Seminar

ITEM_FIELDS = {
    "key",
    "start",
    "minutes",
    "title",
    "text",
    "notes",
    "leads",
    "kind",
    "grouping",
    "round",
    "place",
    "returns_at",
    "secret",
}
# Texts that may have an English variant `<field>_en` (shown on English screens).
SEMINAR_TEXTS = ("title", "place", "description")
DAY_TEXTS = ("title",)
ITEM_TEXTS = ("title", "text", "notes", "leads", "place")
DAY_FIELDS = {"date", "title", "items"}
GROUPING_FIELDS = {"name", "kind", "label", "group_size", "num_groups", "min_size", "split_above"}
# Department groupings keep each department whole unless the file says otherwise:
# `split_above` and `min_size` are theirs; a table size means nothing there.
MIXED_ONLY = ("group_size", "num_groups")
DEPARTMENT_ONLY = ("split_above", "min_size")
SEMINAR_FIELDS = {"slug", "title", "place", "description", "colour", "data_controller"}
# The seminar's own words and tasks (docs/program-format.md, "The seminar's own words").
SEMINAR_TERM_FIELDS = {"goal_year", "homework", "department_word", "department_word_en"}
SLUG = re.compile(r"^[-a-z0-9_]+$")


class ProgramFileError(Exception):
    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = sorted(problems)
        super().__init__(
            "\n".join(
                _("line %(line)s: %(problem)s") % {"line": line, "problem": message}
                for line, message in self.problems
            )
        )


@dataclass
class ItemSpec:
    title: str
    key: str = ""
    start: dt.time | None = None
    minutes: int = 0
    text: str = ""
    notes: str = ""
    leads: str = ""
    kind: str = "info"
    grouping: str = ""
    round: int = 1
    place: str = ""
    returns_at: dt.time | None = None
    secret: bool = False
    settings: dict = field(default_factory=dict)
    english: dict = field(default_factory=dict)
    line: int = 1  # of its [[days.items]] header


@dataclass
class DaySpec:
    date: dt.date
    title: str
    items: list[ItemSpec]
    english: dict = field(default_factory=dict)
    line: int = 1  # of its [[days]] header


@dataclass
class ProgramSpec:
    slug: str
    title: str
    place: str = ""
    description: str = ""
    colour: str = ""
    data_controller: str = ""
    goal_year: str = ""
    homework: list[str] = field(default_factory=list)
    # [singular, plural] or empty (seminar.department_word)
    department_word: list[str] = field(default_factory=list)
    department_word_en: list[str] = field(default_factory=list)
    groupings: list[dict] = field(default_factory=list)
    days: list[DaySpec] = field(default_factory=list)
    english: dict = field(default_factory=dict)


def _check_keys(
    table: dict, allowed: set[str], where: str, lines: Lines, line: int, problems
) -> None:
    for key in sorted(set(table) - allowed):
        problems.append(
            (
                lines.key(line, key),
                _("unknown field %(field)s in %(table)s") % {"field": repr(key), "table": where},
            )
        )


def parse(text: str) -> ProgramSpec:
    """Read and check a whole program file; raises ProgramFileError with every problem."""
    programchecks.check_size(text, ProgramFileError)
    # The cyclic collector rescans the growing tree of parsed tables again and again, which
    # makes parsing grow faster than the file (bench/programfile.py); parsing makes no cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(text)
    finally:
        if collecting:
            gc.enable()


def _parse(text: str) -> ProgramSpec:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        raise ProgramFileError(
            [
                (
                    int(match.group(1)) if match else 1,
                    _("not valid TOML: %(error)s") % {"error": error},
                )
            ]
        ) from error
    lines = Lines(text)
    problems: list[tuple[int, str]] = []

    head = data.get("seminar")
    if not isinstance(head, dict):
        raise ProgramFileError([(1, _("the file needs a [seminar] table with slug and title"))])
    head_line = lines.header("seminar")
    _check_keys(
        head,
        _with_english(SEMINAR_FIELDS | SEMINAR_TERM_FIELDS, SEMINAR_TEXTS),
        "[seminar]",
        lines,
        head_line,
        problems,
    )
    slug = str(head.get("slug", ""))
    if not SLUG.match(slug):
        problems.append(
            (lines.key(head_line, "slug"), _("slug must be lower-case letters, digits and '-'"))
        )
    if not str(head.get("title", "")).strip():
        problems.append((lines.key(head_line, "title"), _("the seminar needs a title")))
    colour = str(head.get("colour", ""))
    if colour and not re.match(COLOUR, colour):
        problems.append(
            (
                lines.key(head_line, "colour"),
                _('colour must be # and six hex digits, e.g. "#0b4f8a"'),
            )
        )
    spec = ProgramSpec(
        slug=slug,
        title=str(head.get("title", "")).strip(),
        colour=colour,
        place=str(head.get("place", "")),
        description=str(head.get("description", "")),
        data_controller=str(head.get("data_controller", "")).strip(),
    )
    _seminar_terms(head, spec, lambda key: lines.key(head_line, key), problems)
    spec.english = _english(head, SEMINAR_TEXTS, lambda key: lines.key(head_line, key), problems)

    names = set()
    for index, grouping in enumerate(data.get("groupings", [])):
        line = lines.header("groupings", index)
        _check_keys(grouping, GROUPING_FIELDS, "[[groupings]]", lines, line, problems)
        name = str(grouping.get("name", "")).strip()
        if not name or name in names:
            problems.append(
                (line, _("each grouping needs a unique name (got %(name)s)") % {"name": repr(name)})
            )
        if grouping.get("kind", "mixed") not in Grouping.Kind.values:
            problems.append(
                (
                    lines.key(line, "kind"),
                    _("grouping kind must be one of %(kinds)s") % {"kinds": Grouping.Kind.values},
                )
            )
        names.add(name)
        for key in ("group_size", "num_groups", "min_size", "split_above"):
            if grouping.get(key) is not None and (
                not isinstance(grouping[key], int) or grouping[key] < 1
            ):
                problems.append(
                    (
                        lines.key(line, key),
                        _("%(field)s must be a whole number above 0") % {"field": key},
                    )
                )
        by_department = grouping.get("kind", "mixed") == Grouping.Kind.DEPARTMENT
        for key in MIXED_ONLY if by_department else DEPARTMENT_ONLY:
            if key in grouping:
                problems.append(
                    (
                        lines.key(line, key),
                        (
                            _(
                                "%(field)s is for mixed groupings: a department grouping has one "
                                "group per department (split_above splits larger ones, "
                                "min_size merges smaller ones)"
                            )
                            if by_department
                            else _('%(field)s is for department groupings (kind = "department")')
                        )
                        % {"field": key},
                    )
                )
        spec.groupings.append(
            {
                "name": name,
                "kind": grouping.get("kind", "mixed"),
                "label": str(grouping.get("label", "Gruppe")),
                # a department grouping's split size lives in the same column
                "group_size": grouping.get("split_above" if by_department else "group_size"),
                "num_groups": grouping.get("num_groups"),
                "min_size": grouping.get("min_size"),
                "line": line,
            }
        )

    item_index = 0
    item_keys = _with_english(ITEM_FIELDS, ITEM_TEXTS) | set(ITEM_SETTINGS) | kind_setting_names()
    explicit_keys: set[str] = set()
    seen_dates = set()
    for day_index, day in enumerate(data.get("days", [])):
        line = lines.header("days", day_index)
        _check_keys(day, _with_english(DAY_FIELDS, DAY_TEXTS), "[[days]]", lines, line, problems)
        raw_date = day.get("date")
        try:
            date = (
                raw_date if isinstance(raw_date, dt.date) else dt.date.fromisoformat(str(raw_date))
            )
        except ValueError:
            problems.append(
                (
                    lines.key(line, "date"),
                    _("date must look like 2014-10-30, not %(value)s") % {"value": repr(raw_date)},
                )
            )
            date = None
        if date in seen_dates:
            problems.append(
                (lines.key(line, "date"), _("two days have the date %(date)s") % {"date": date})
            )
        seen_dates.add(date)
        items = []
        for item in day.get("items", []):
            item_line = lines.header("days.items", item_index)
            item_index += 1
            _check_keys(item, item_keys, "[[days.items]]", lines, item_line, problems)
            title = str(item.get("title", "")).strip()
            if not title:
                problems.append((item_line, _("every item needs a title")))
            kind = item.get("kind", "info")
            if not activities.is_registered(kind):
                known = ", ".join(k.key for k in activities.all_kinds())
                problems.append(
                    (
                        lines.key(item_line, "kind"),
                        _("unknown kind %(kind)s (known: %(known)s)")
                        % {"kind": repr(kind), "known": known},
                    )
                )
            minutes = item.get("minutes", 0)
            if not isinstance(minutes, int) or not 0 <= minutes <= 24 * 60:
                problems.append(
                    (
                        lines.key(item_line, "minutes"),
                        _("minutes must be a whole number of minutes"),
                    )
                )
                minutes = 0
            grouping = str(item.get("grouping", ""))
            if grouping and grouping not in names:
                problems.append(
                    (
                        lines.key(item_line, "grouping"),
                        _("no grouping named %(name)s") % {"name": repr(grouping)},
                    )
                )
            round_number = item.get("round", 1)
            if not isinstance(round_number, int) or not 1 <= round_number <= 20:
                problems.append(
                    (lines.key(item_line, "round"), _("round must be a whole number from 1 to 20"))
                )
                round_number = 1
            items.append(
                ItemSpec(
                    title=title,
                    minutes=minutes,
                    kind=kind,
                    grouping=grouping,
                    round=round_number,
                    start=_time(
                        item.get("start"), problems, lines.key(item_line, "start"), "start"
                    ),
                    returns_at=_time(
                        item.get("returns_at"),
                        problems,
                        lines.key(item_line, "returns_at"),
                        "returns_at",
                    ),
                    text=str(item.get("text", "")),
                    notes=str(item.get("notes", "")),
                    leads=str(item.get("leads", "")),
                    place=str(item.get("place", "")),
                    secret=bool(item.get("secret", False)),
                    settings=_item_settings(
                        item, kind, lambda key, at=item_line: lines.key(at, key), problems
                    ),
                    english=_english(
                        item, ITEM_TEXTS, lambda key, at=item_line: lines.key(at, key), problems
                    ),
                    key=_explicit_key(
                        item, explicit_keys, lambda key, at=item_line: lines.key(at, key), problems
                    ),
                    line=item_line,
                )
            )
        spec.days.append(
            DaySpec(
                date,
                str(day.get("title", "")).strip() or str(date),
                items,
                _english(day, DAY_TEXTS, lambda key, at=line: lines.key(at, key), problems),
                line,
            )
        )
    if not spec.days:
        problems.append((1, _("the program has no [[days]]")))
    _derive_keys(spec, explicit_keys)
    programchecks.check(spec, lines, problems)
    if problems:
        raise ProgramFileError(problems)
    return spec


def import_program(*, text: str, replace: bool = False, force: bool = False) -> Seminar:
    """Create a seminar from a program file, or with `replace` update its program in place.

    See program.programimport: items are matched by key and keep what the room wrote.
    """
    from program.programimport import load

    return load(parse(text), replace=replace, force=force).seminar


def _string(value: str) -> str:
    if "\n" in value and "'''" not in value and not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", value):
        return "'''\n" + value + "'''"
    return json.dumps(value, ensure_ascii=False)


def _value(value) -> str:
    """A kind's setting as TOML: a text, a whole number, true/false or a list of them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_value(part) for part in value) + "]"
    return _string(value) if isinstance(value, str) else str(value)


def _texts(instance, names: tuple[str, ...]) -> list[str]:
    return [
        f"{name} = {_string(getattr(instance, name))}" for name in names if getattr(instance, name)
    ]


def export_program(seminar: Seminar) -> str:
    """The seminar's program as a program file (published times, not live shifts)."""
    out = ["[seminar]", f"slug = {_string(seminar.slug)}", f"title = {_string(seminar.title)}"]
    out += _texts(seminar, ("title_en", "place", "place_en", "description", "description_en"))
    if seminar.goal_year:
        out.append(f"goal_year = {_string(seminar.goal_year)}")
    for name in ("department_word", "department_word_en"):
        words = [getattr(seminar, name), getattr(seminar, name.replace("word", "words"))]
        if all(words):
            out.append(f"{name} = {json.dumps(words, ensure_ascii=False)}")
    if seminar.homework:
        out.append(f"homework = {json.dumps(seminar.homework, ensure_ascii=False)}")
    if seminar.colour:
        out.append(f"colour = {_string(seminar.colour)}")
    if seminar.data_controller:
        out.append(f"data_controller = {_string(seminar.data_controller)}")
    for grouping in seminar.groupings.all():
        out += [
            "",
            "[[groupings]]",
            f"name = {_string(grouping.name)}",
            f"kind = {_string(grouping.kind)}",
            f"label = {_string(grouping.label)}",
        ]
        by_department = grouping.kind == Grouping.Kind.DEPARTMENT
        for key in ("group_size", "num_groups", "min_size"):
            if getattr(grouping, key):
                name = "split_above" if by_department and key == "group_size" else key
                out.append(f"{name} = {getattr(grouping, key)}")
    for day in seminar.days.order_by("date"):
        out += [
            "",
            "[[days]]",
            f"date = {_string(day.date.isoformat())}",
            f"title = {_string(day.title)}",
        ]
        out += _texts(day, ("title_en",))
        for item in day.items.select_related("grouping").order_by("position"):
            out += ["", "[[days.items]]", f"key = {_string(item.key)}"]
            if item.start:
                out.append(f"start = {_string(item.start.strftime('%H:%M'))}")
            out += [
                f"minutes = {item.minutes}",
                f"title = {_string(item.title)}",
                f"kind = {_string(item.kind)}",
            ]
            out += _texts(
                item,
                (
                    "title_en",
                    "leads",
                    "leads_en",
                    "text",
                    "text_en",
                    "notes",
                    "notes_en",
                    "place",
                    "place_en",
                ),
            )
            if item.grouping:
                out.append(f"grouping = {_string(item.grouping.name)}")
                if item.round_number != 1:
                    out.append(f"round = {item.round_number}")
            if item.returns_at:
                out.append(f"returns_at = {_string(item.returns_at.strftime('%H:%M'))}")
            if item.secret:
                out.append("secret = true")
            out += [
                f"{key} = {json.dumps(item.settings[key], ensure_ascii=False)}"
                for key in ITEM_SETTINGS
                if key in item.settings
            ]
            out += [
                f"{name} = {_value(item.settings[name])}"
                for name in activities.get(item.kind).setting_names
                if name in item.settings
            ]
    return "\n".join(out) + "\n"
