"""Writing a parsed program file: a new seminar, or an existing one updated in place.

Items are matched by their key (program.itemkeys): an item in the file and in the seminar
is updated where it is, and everything the room wrote at it stays (its ideas, questions,
goals, drafts...). An item in the seminar but no longer in the file is removed only when
the room wrote nothing at it; otherwise the import is refused with the list of what would
be lost, unless forced, and a forced import reports what it removed. Days are matched by
date; groupings by name (their rounds stay).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.deletion import Collector
from django.utils.translation import gettext

from groups.models import Grouping
from program.models import AgendaItem, Day
from program.programfile import ITEM_TEXTS, SEMINAR_TEXTS, ProgramFileError, ProgramSpec
from seminar.models import Seminar

# Screen state kept per item, not anything a person wrote: removing it loses no work.
NOT_WORK = {
    "program.groupactivitystate",
    "goals.showing",
    "program.tabletalkshow",
    "program.ideawall",
}
ITEM_FIELDS = [
    "day",
    "position",
    "start",
    "minutes",
    "title",
    "text",
    "notes",
    "leads",
    "kind",
    "grouping",
    "round_number",
    "place",
    "returns_at",
    "secret",
    "settings",
    *(f"{name}_en" for name in ITEM_TEXTS),
]
# Positions are unique per day: kept items wait up here while the program is rearranged.
PARKED = 32767


@dataclass
class Loss:
    item: AgendaItem
    work: dict[str, int]  # what the room wrote at it: kind of contribution -> how many

    def describe(self) -> str:
        held = ", ".join(f"{count} {name}" for name, count in sorted(self.work.items())) or gettext(
            "nothing written"
        )
        return gettext("%(title)s (key %(key)s, %(date)s): %(held)s") % {
            "title": repr(self.item.title),
            "key": repr(self.item.key),
            "date": self.item.day.date,
            "held": held,
        }


@dataclass
class ImportResult:
    seminar: Seminar
    added: int = 0
    updated: int = 0
    removed: list[Loss] = field(default_factory=list)


class WouldLoseWork(ProgramFileError):
    def __init__(self, losses: list[Loss]) -> None:
        self.losses = losses
        super().__init__(
            [
                (
                    1,
                    gettext(
                        "the file no longer has items the room has worked at; nothing was "
                        "imported. Put them back, or import with --force to remove them and "
                        "their work:"
                    ),
                )
            ]
            + [(1, f"  {loss.describe()}") for loss in losses]
        )


def work_held(item: AgendaItem) -> dict[str, int]:
    """What deleting the item would delete with it, leaving out screen state."""
    collector = Collector(using="default")
    collector.collect([item])
    counts: dict[str, int] = {}

    def add(model, count: int) -> None:
        if count and model is not AgendaItem and model._meta.label_lower not in NOT_WORK:
            name = str(model._meta.verbose_name_plural)
            counts[name] = counts.get(name, 0) + count

    for model, instances in collector.data.items():
        add(model, len(instances))
    for queryset in collector.fast_deletes:
        add(queryset.model, queryset.count())
    return counts


def _seminar(spec: ProgramSpec, replace: bool) -> Seminar:
    seminar = Seminar.objects.filter(slug=spec.slug).first()
    if seminar is not None and not replace:
        raise ProgramFileError(
            [
                (
                    1,
                    gettext("a seminar with slug %(slug)s exists; import with --replace")
                    % {"slug": repr(spec.slug)},
                )
            ]
        )
    seminar = seminar or Seminar(slug=spec.slug)
    seminar.title, seminar.place, seminar.description = spec.title, spec.place, spec.description
    seminar.goal_year, seminar.homework = spec.goal_year, spec.homework
    seminar.department_word, seminar.department_words = spec.department_word or ("", "")
    seminar.department_word_en, seminar.department_words_en = spec.department_word_en or ("", "")
    seminar.colour, seminar.data_controller = spec.colour, spec.data_controller
    for name in SEMINAR_TEXTS:
        setattr(seminar, f"{name}_en", spec.english.get(f"{name}_en", ""))
    seminar.save()
    return seminar


def _groupings(seminar: Seminar, spec: ProgramSpec) -> dict[str, Grouping]:
    groupings = {}
    for position, grouping in enumerate(spec.groupings):
        groupings[grouping["name"]], _ = Grouping.objects.update_or_create(
            seminar=seminar,
            name=grouping["name"],
            defaults={
                "kind": grouping["kind"],
                "label": grouping["label"],
                "group_size": grouping["group_size"],
                "num_groups": grouping["num_groups"],
                "min_size": grouping["min_size"],
                "position": position,
            },
        )
    return groupings


@transaction.atomic
def load(spec: ProgramSpec, *, replace: bool = False, force: bool = False) -> ImportResult:
    """Save a parsed program; all or nothing. Raises WouldLoseWork (see the module's docstring)."""
    seminar = _seminar(spec, replace)
    result = ImportResult(seminar)
    existing = {
        item.key: item
        for item in AgendaItem.objects.filter(day__seminar=seminar).select_related("day")
    }
    wanted = {item.key for day in spec.days for item in day.items}
    gone = [item for key, item in existing.items() if key not in wanted]
    result.removed = [Loss(item, work_held(item)) for item in gone]
    losses = [loss for loss in result.removed if loss.work]
    if losses and not force:
        raise WouldLoseWork(losses)
    AgendaItem.objects.filter(pk__in=[item.pk for item in gone]).delete()

    groupings = _groupings(seminar, spec)
    kept = [item for key, item in existing.items() if key in wanted]
    for number, item in enumerate(kept):
        item.position = PARKED - number
    AgendaItem.objects.bulk_update(kept, ["position"], batch_size=500)

    days = {day.date: day for day in seminar.days.all()}
    changed, new = [], []
    for day_spec in spec.days:
        day = days.pop(day_spec.date, None) or Day(seminar=seminar, date=day_spec.date)
        day.title, day.title_en = day_spec.title, day_spec.english.get("title_en", "")
        day.save()
        for position, item_spec in enumerate(day_spec.items):
            item = existing.get(item_spec.key) or AgendaItem(key=item_spec.key)
            values = {
                "day": day,
                "position": position,
                "start": item_spec.start,
                "minutes": item_spec.minutes,
                "title": item_spec.title,
                "text": item_spec.text,
                "notes": item_spec.notes,
                "leads": item_spec.leads,
                "kind": item_spec.kind,
                "grouping": groupings.get(item_spec.grouping),
                "round_number": item_spec.round,
                "place": item_spec.place,
                "returns_at": item_spec.returns_at,
                "secret": item_spec.secret,
                "settings": item_spec.settings,
                **{f"{name}_en": item_spec.english.get(f"{name}_en", "") for name in ITEM_TEXTS},
            }
            for name, value in values.items():
                setattr(item, name, value)
            (changed if item.pk else new).append(item)
    AgendaItem.objects.bulk_update(changed, ITEM_FIELDS, batch_size=500)
    AgendaItem.objects.bulk_create(new, batch_size=500)
    # Days left out of the file: their items were moved or removed above.
    Day.objects.filter(pk__in=[day.pk for day in days.values()]).delete()
    result.added, result.updated = len(new), len(changed)
    return result
