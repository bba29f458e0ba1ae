"""Small factories for test data: real rows in the real database, sensible defaults."""

import datetime as dt
import itertools

from groups.models import Grouping
from program.models import AgendaItem, Day
from seminar.models import Department, Participant, Seminar

_numbers = itertools.count(1)


def seminar(**fields) -> Seminar:
    number = next(_numbers)
    seminar = Seminar.objects.create(
        **{"slug": f"seminar-{number}", "title": f"Seminar {number}", **fields}
    )
    day = Day.objects.create(seminar=seminar, date=dt.date(2026, 3, 5), title="Torsdag")
    items = [
        ("08:00", 15, "Kaffe", "break", {}),
        (
            "08:15",
            30,
            "Velkommen",
            "talk",
            {"leads": "Direktøren", "notes": "Kun for facilitatorer"},
        ),
        ("08:45", 45, "Gåtur", "offsite", {"place": "Ved indgangen", "returns_at": dt.time(9, 30)}),
        ("09:30", 60, "Overraskelse", "info", {"secret": True, "text": "Hemmelig koncert"}),
    ]
    for position, (start, minutes, title, kind, extra) in enumerate(items):
        AgendaItem.objects.create(
            day=day,
            position=position,
            start=dt.time.fromisoformat(start),
            minutes=minutes,
            title=title,
            kind=kind,
            **extra,
        )
    day2 = Day.objects.create(seminar=seminar, date=dt.date(2026, 3, 6), title="Fredag")
    AgendaItem.objects.create(
        day=day2, position=0, start=dt.time(8, 30), minutes=10, title="God morgen"
    )
    return seminar


def department(seminar: Seminar, name: str = "Teknik og Miljø") -> Department:
    return Department.objects.get_or_create(seminar=seminar, name=name)[0]


def participant(seminar: Seminar, name: str | None = None, **fields) -> Participant:
    number = next(_numbers)
    return Participant.objects.create(
        seminar=seminar,
        name=name or f"Deltager {number}",
        department=fields.pop("department", None) or department(seminar),
        **fields,
    )


def grouping(seminar: Seminar, name: str = "Borde", **fields) -> Grouping:
    return Grouping.objects.create(seminar=seminar, name=name, **fields)


def items(seminar: Seminar) -> list[AgendaItem]:
    return list(AgendaItem.objects.for_seminar(seminar))
