"""A seminar's end of life: when it is purged, and the purge itself.

A seminar has ended on its last day; it is kept `SEMINAR_RETENTION_DAYS` after that and
then purged: every row that belongs to it (deleting the seminar cascades to all of them)
and every uploaded file (the ideas' photos, removed by program/ideas/signals.py once
the rows are gone). Nothing else is touched: other seminars, facilitators' accounts.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from program.models import Day, Idea
from seminar.models import Seminar


def retention_days() -> int:
    return settings.SEMINAR_RETENTION_DAYS


def ended_on(seminar: Seminar) -> dt.date | None:
    """The seminar's last day (None: it has no days yet, so it never expires)."""
    return Day.objects.filter(seminar=seminar).aggregate(last=Max("date"))["last"]


def purge_on(seminar: Seminar) -> dt.date | None:
    """The first day on which `purge_expired` removes the seminar."""
    last = ended_on(seminar)
    return last + dt.timedelta(days=settings.SEMINAR_RETENTION_DAYS + 1) if last else None


def expired(today: dt.date | None = None) -> list[Seminar]:
    """Seminars whose last day is more than the retention period before `today`."""
    today = today or timezone.localdate()
    limit = today - dt.timedelta(days=settings.SEMINAR_RETENTION_DAYS)
    return list(
        Seminar.objects.annotate(last=Max("days__date"))
        .filter(last__lt=limit)
        .order_by("last", "pk")
    )


@dataclass
class Purged:
    slug: str
    rows: dict[str, int]
    files: int

    @property
    def total(self) -> int:
        return sum(self.rows.values())


@transaction.atomic
def purge(*, seminar: Seminar) -> Purged:
    """Delete the seminar with every row that belongs to it, and its uploaded files.

    Returns what was removed, by model. The files go after the commit (signal on Idea),
    so a purge that fails leaves both rows and files.
    """
    files = sum(
        bool(name)
        for pair in Idea.objects.filter(item__day__seminar=seminar).values_list(
            "photo", "photo_small"
        )
        for name in pair
    )
    slug = seminar.slug
    _, rows = seminar.delete()
    return Purged(
        slug=slug, rows=dict(Counter({label: n for label, n in rows.items() if n})), files=files
    )
