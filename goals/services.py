"""What every activity of the goals app shares: refusals, version checks, the projector choice."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from goals.models import Showing
from program import screens
from program.models import AgendaItem


class NotOpen(Exception):
    """This activity does not take that now (wrong kind of item, another seminar, hidden)."""


class NotAllowed(Exception):
    """The person may not do this (not a member of the group, not its process leader)."""


class Locked(Exception):
    """The goal is locked: only a facilitator may change it now."""


class Stale(Exception):
    """The save was made on an older version than the one stored; `current` is the stored row."""

    def __init__(self, current) -> None:
        super().__init__(f"stale save, stored version is {current.version}")
        self.current = current


def store_versioned(
    model, *, lookup: dict, version: int, key, fields: dict, guard: dict | None = None
):
    """Save a one-per-owner text with a version check; returns (row, whether this call changed it).

    The write is the transaction's first statement (an INSERT for version 0, else a
    compare-and-set UPDATE), so that two saves at once queue on the database's write
    lock instead of failing (SQLite) or both passing (any database): one wins, the other
    gets Stale with the stored row. Callers do their reads (membership) before this.
    A row whose last save carried the same key was this very save, retried: it is
    returned unchanged. `guard` adds conditions the row must meet to be changed.
    """
    with transaction.atomic():
        if version == 0:
            try:
                with transaction.atomic():
                    return model.objects.create(**lookup, **fields, key=key), True
            except IntegrityError:
                pass
        else:
            changed = model.objects.filter(**lookup, **(guard or {}), version=version).update(
                version=F("version") + 1, key=key, updated_at=timezone.now(), **fields
            )
            if changed:
                return model.objects.get(**lookup), True
        stored = model.objects.filter(**lookup).first()
        if stored is None:
            raise NotOpen  # the form claims a row that is not there (removed by an admin)
        if stored.key == key:
            return stored, False
        raise Stale(stored)


def show_on_projector(*, item: AgendaItem, what: str, ref: int | None = None) -> Showing:
    """Choose what the item's activity puts on the projector; every screen gets the new room frame.

    The write comes first in its transaction (see store_versioned): two taps at once queue.
    """
    with transaction.atomic():
        if not Showing.objects.filter(item=item).update(
            what=what, ref=ref, updated_at=timezone.now()
        ):
            try:
                with transaction.atomic():
                    Showing.objects.create(item=item, what=what, ref=ref)
            except IntegrityError:  # another tap created it first; ours is the later choice
                Showing.objects.filter(item=item).update(
                    what=what, ref=ref, updated_at=timezone.now()
                )
        screens.publish_room(item.day.seminar_id)
    return Showing.objects.get(item=item)


def clear_projector(*, item: AgendaItem) -> None:
    """Take the activity's content off the projector (it shows the item's title and text again)."""
    show_on_projector(item=item, what=Showing.What.NOTHING)
