"""The report registry: everything a seminar produced, for the facilitators, after the event.

Apps register a `ReportSection` per kind of content in `AppConfig.ready()` (questions,
table cards, interviews, goals...), so that program needs no import of the apps above
it. A section gives:
- `parts(seminar)`: the HTML context of each agenda item it has content for, keyed by
  the item's id (None: content of the whole seminar, such as homework, shown before
  the first day); its `template` renders one part. Each part lists what a facilitator
  hid apart from the rest (context `hidden`), so nothing is silently lost;
- `rows(seminar)`: the same content as CSV rows (dicts keyed by `columns`), in program
  order, with a `hidden` column where a facilitator can hide things; `labels` names the
  headers of columns that program/report_columns.py does not know.

Only what the room may see goes in: private things (speech drafts, feedback, action
plans, private notes) are never read by a section.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from groups.models import Group, Grouping, Membership
from program.models import AgendaItem, Day
from seminar.department_word import department_word
from seminar.models import Department, Seminar


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str | Promise
    template: str
    parts: Callable[[Seminar], dict[int | None, dict]]
    columns: tuple[str, ...]
    rows: Callable[[Seminar], list[dict]]
    position: int = 100
    labels: dict[str, str | Promise] = field(default_factory=dict, hash=False)
    # The title for a seminar with its own word for a department, with %(department)s in it.
    worded_title: str | Promise = ""

    def title_for(self, seminar: Seminar) -> str:
        """The title in the seminar's words (seminar.department_word)."""
        word = department_word(seminar)
        if self.worded_title and word.own:
            return str(self.worded_title) % {"department": word.one}
        return str(self.title)

    def render(self, seminar: Seminar, request: HttpRequest | None = None) -> dict[int | None, str]:
        """Each part's HTML, keyed like `parts`; inner headings one level below the part's own."""
        return {
            key: render_to_string(
                self.template,
                {**context, "seminar": seminar, "section": self, "h": 4 if key is None else 5},
                request=request,
            )
            for key, context in self.parts(seminar).items()
        }


_SECTIONS: dict[str, ReportSection] = {}

# Whether this export keeps what the privacy check flagged (a facilitator's explicit choice).
# A context variable rather than a parameter: the sections' signatures are the apps' contract.
KEEP_IDENTIFYING: ContextVar[bool] = ContextVar("keep_identifying", default=False)


@dataclass(frozen=True)
class Cut:
    """Part of the report: the output of some people and of some groups (None: the whole seminar).

    A department: its people's shared output and the output of its department groups (its
    plans, the goals those groups worked on). A big group: its members and the group itself.
    """

    title: str
    people: frozenset[int]
    groups: frozenset[int]


CUT: ContextVar[Cut | None] = ContextVar("report_cut", default=None)


def department_cut(department: Department) -> Cut:
    people = frozenset(department.participants.values_list("pk", flat=True))
    groups = frozenset(
        Membership.objects.filter(
            participant_id__in=people, round__grouping__kind=Grouping.Kind.DEPARTMENT
        ).values_list("group_id", flat=True)
    )
    return Cut(department.name, people, groups)


def group_cut(group: Group) -> Cut:
    return Cut(
        group.name,
        frozenset(Membership.objects.filter(group=group).values_list("participant_id", flat=True)),
        frozenset([group.pk]),
    )


def in_cut(objects: QuerySet, people: str | None = None, groups: str | None = None) -> QuerySet:
    """`objects` limited to the current cut: rows whose `people` lookup is one of its people, or
    whose `groups` lookup is one of its groups. The whole seminar when no cut is set."""
    cut = CUT.get()
    if cut is None:
        return objects
    wanted = Q(pk__in=[])
    if people:
        wanted |= Q(**{f"{people}__in": cut.people})
    if groups:
        wanted |= Q(**{f"{groups}__in": cut.groups})
    return objects.filter(wanted)


@contextmanager
def cutting(cut: Cut | None) -> Iterator[None]:
    token = CUT.set(cut)
    try:
        yield
    finally:
        CUT.reset(token)


@contextmanager
def keeping_identifying(keep: bool) -> Iterator[None]:
    token = KEEP_IDENTIFYING.set(keep)
    try:
        yield
    finally:
        KEEP_IDENTIFYING.reset(token)


def register(section: ReportSection) -> ReportSection:
    if section.key in _SECTIONS and _SECTIONS[section.key] != section:
        raise ValueError(f"report section {section.key!r} is registered twice")
    if section.key in ("seminar", "agenda"):
        raise ValueError(f"report section {section.key!r} is the report's own")
    _SECTIONS[section.key] = section
    return section


def sections() -> list[ReportSection]:
    return sorted(_SECTIONS.values(), key=lambda section: (section.position, section.key))


# Helpers for the sections: the same columns and grouping everywhere.


def yes(value: bool) -> str:
    return _("yes") if value else ""


def item_columns(item: AgendaItem) -> dict:
    return {"date": item.day.date.isoformat(), "item": item.title}


def by_item(
    objects: Iterable, item_of: Callable = lambda obj: obj.item_id
) -> dict[int | None, list]:
    grouped: dict[int | None, list] = {}
    for obj in objects:
        grouped.setdefault(item_of(obj), []).append(obj)
    return grouped


def split_hidden(objects: Iterable) -> tuple[list, list]:
    """(shown, hidden) by each object's `hidden` flag."""
    objects = list(objects)
    return [obj for obj in objects if not obj.hidden], [obj for obj in objects if obj.hidden]


def by_group(objects: Iterable, group_of: Callable = lambda obj: obj.group) -> list[tuple]:
    """(group, its objects) by group number; objects without a group last, under None."""
    grouped: dict = {}
    for obj in objects:
        grouped.setdefault(group_of(obj), []).append(obj)
    return sorted(
        grouped.items(), key=lambda pair: (pair[0] is None, getattr(pair[0], "number", 0))
    )


def group_name(group) -> str:
    return group.name if group is not None else ""


def in_program_order(seminar: Seminar, kind: str | None = None):
    items = AgendaItem.objects.for_seminar(seminar)
    return items.filter(kind=kind) if kind else items


# The report as a whole.


@dataclass
class Part:
    section: ReportSection
    html: str
    title: str


@dataclass
class ItemReport:
    item: AgendaItem
    parts: list[Part] = field(default_factory=list)


@dataclass
class Report:
    seminar: Seminar
    days: list[tuple[Day, list[ItemReport]]]
    before: list[Part]
    participants: int
    departments: int

    @property
    def items(self) -> list[AgendaItem]:
        return [entry.item for _, entries in self.days for entry in entries]


def build(seminar: Seminar, request: HttpRequest | None = None) -> Report:
    """The whole report: each day's items in program order, each with the sections' parts."""
    entries = [ItemReport(item) for item in in_program_order(seminar)]
    by_id = {entry.item.pk: entry for entry in entries}
    before: list[Part] = []
    for section in sections():
        for key, html in section.render(seminar, request).items():
            target = by_id.get(key)
            (target.parts if target else before).append(
                Part(section, html, section.title_for(seminar))
            )
    return Report(
        seminar=seminar,
        days=[
            (day, [entry for entry in entries if entry.item.day_id == day.pk])
            for day in seminar.days.order_by("date")
        ],
        before=before,
        participants=seminar.participants.count(),
        departments=seminar.departments.count(),
    )


def _time(value: dt.time | dt.datetime | None) -> str:
    """A time of day as HH:MM; a moment (when an item really started) with its local date."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return value.strftime("%H:%M")


def header_rows(seminar: Seminar, items: list[AgendaItem]) -> list[dict]:
    dates = sorted(
        {item.day.date for item in items} | set(seminar.days.values_list("date", flat=True))
    )
    facts = [
        ("title", seminar.title),
        ("place", seminar.place),
        ("dates", ", ".join(date.isoformat() for date in dates)),
        ("participants", seminar.participants.count()),
        ("departments", seminar.departments.count()),
    ]
    if CUT.get() is not None:
        facts.append(("part", CUT.get().title))
    return [{"field": name, "value": value} for name, value in facts]


def agenda_rows(items: list[AgendaItem]) -> list[dict]:
    return [
        {
            **item_columns(item),
            "kind": item.kind,
            "planned_start": _time(item.start),
            "moved_to": _time(item.scheduled_start) if item.shift_minutes else "",
            "actual_start": _time(item.actual_start),
            "minutes": item.minutes,
        }
        for item in items
    ]
