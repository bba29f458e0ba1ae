"""Changes to a seminar's program from the editor, each checked and saved as an import.

Every function reads the program as its program file's data (program.editor.programdata),
changes that data, and hands it to `save_program`, which checks it with the import's parser
and saves it with the import (items in place by key: what the room wrote stays). So a change
that the import would refuse is refused with the import's own message, and removing an item
the room worked at is refused with what would be lost (WouldLoseWork) unless forced.
"""

import datetime as dt

from django.db import transaction
from django.db.models import F

from program import itemkeys, screens
from program.editor import programdata
from program.models import LiveState
from program.programimport import ImportResult, WouldLoseWork, load
from seminar.models import Seminar

__all__ = [
    "WouldLoseWork",
    "add_day",
    "add_item",
    "change_item",
    "change_seminar",
    "move_item",
    "remove_day",
    "remove_item",
    "save_program",
]


def _announce(seminar: Seminar) -> None:
    """A new live version, so every screen takes the program again (after commit)."""
    if not LiveState.objects.filter(seminar=seminar).update(version=F("version") + 1):
        LiveState.objects.get_or_create(seminar=seminar)
    screens.publish_room(seminar.pk)


@transaction.atomic
def save_program(*, seminar: Seminar, data: dict, force: bool = False) -> ImportResult:
    """Check the changed program as an import checks a file, then save it in place.

    Raises programdata.Refused (nothing saved) or WouldLoseWork (an item the room worked at
    would go; nothing saved unless `force`). After commit, publishes the room to every screen.
    """
    data["seminar"]["slug"] = seminar.slug
    result = load(programdata.check(data), replace=True, force=force)
    _announce(seminar)
    return result


def _read(seminar: Seminar) -> dict:
    """The program as data, read under the seminar's row lock: two facilitators editing at once
    change it one after the other, each on the other's result."""
    list(Seminar.objects.select_for_update().filter(pk=seminar.pk).values_list("pk", flat=True))
    return programdata.read(seminar)


def _taken(data: dict) -> set[str]:
    return {item.get("key") for day in data.get("days", []) for item in day.get("items", [])}


@transaction.atomic
def add_day(*, seminar: Seminar, date: dt.date, title: str, title_en: str = "") -> None:
    """Add a day to the program, in date order. Saves and publishes (save_program)."""
    data = _read(seminar)
    days = data.setdefault("days", [])
    day = {"date": date.isoformat(), "title": title, "title_en": title_en or None, "items": []}
    at = next(
        (index for index, other in enumerate(days) if str(other.get("date")) > day["date"]),
        len(days),
    )
    days.insert(at, day)
    save_program(seminar=seminar, data=data)


@transaction.atomic
def remove_day(*, seminar: Seminar, date: dt.date, force: bool = False) -> ImportResult:
    """Remove a day and its items (refused with WouldLoseWork if the room worked at one).
    Saves and publishes (save_program)."""
    data = _read(seminar)
    data["days"] = [day for day in data.get("days", []) if str(day.get("date")) != date.isoformat()]
    return save_program(seminar=seminar, data=data, force=force)


@transaction.atomic
def add_item(*, seminar: Seminar, date: dt.date, values: dict) -> str:
    """Add an item to a day: after the items that start no later than it (else last).

    `values` are the item's program-file fields. Returns the new item's key.
    """
    data = _read(seminar)
    day = programdata.find_day(data, date)
    if day is None:
        raise LookupError(date)
    key = itemkeys.unique(itemkeys.from_title(values.get("title", "")), _taken(data))
    items = day.setdefault("items", [])
    at = len(items)
    if values.get("start"):
        at = next(
            (
                index
                for index, item in enumerate(items)
                if str(item.get("start", "")) > values["start"]
            ),
            len(items),
        )
    items.insert(at, {"key": key, **values})
    save_program(seminar=seminar, data=data)
    return key


@transaction.atomic
def change_item(*, seminar: Seminar, key: str, values: dict) -> None:
    """Replace an item's fields (its time, kind, settings, texts in both languages...)."""
    data = _read(seminar)
    found = programdata.find_item(data, key)
    if found is None:
        raise LookupError(key)
    day, index = found
    day["items"][index] = {"key": key, **values}
    save_program(seminar=seminar, data=data)


@transaction.atomic
def move_item(*, seminar: Seminar, key: str, up: bool) -> bool:
    """Swap an item with the one above (or below) it on its day. The timetable stays: the two
    swap their start times too, so the program stays in time order. False at the day's edge."""
    data = _read(seminar)
    found = programdata.find_item(data, key)
    if found is None:
        raise LookupError(key)
    day, index = found
    other = index - 1 if up else index + 1
    items = day["items"]
    if not 0 <= other < len(items):
        return False
    first, second = items[index], items[other]
    first_start, second_start = first.pop("start", None), second.pop("start", None)
    if first_start is not None and second_start is not None:
        first["start"], second["start"] = second_start, first_start
    else:
        for item, start in ((first, first_start), (second, second_start)):
            if start is not None:
                item["start"] = start
    items[index], items[other] = second, first
    save_program(seminar=seminar, data=data)
    return True


@transaction.atomic
def remove_item(*, seminar: Seminar, key: str, force: bool = False) -> ImportResult:
    """Remove an item; refused with WouldLoseWork if the room worked at it, unless `force`."""
    data = _read(seminar)
    found = programdata.find_item(data, key)
    if found is None:
        raise LookupError(key)
    day, index = found
    del day["items"][index]
    return save_program(seminar=seminar, data=data, force=force)


@transaction.atomic
def change_seminar(*, seminar: Seminar, values: dict) -> None:
    """Replace the seminar's own fields ([seminar]: texts, words, homework, colour...)."""
    data = _read(seminar)
    data["seminar"] = {"slug": seminar.slug, **values}
    save_program(seminar=seminar, data=data)
