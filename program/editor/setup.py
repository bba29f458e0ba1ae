"""Making a seminar in the browser: empty, from a program file, or as a copy of another.

A copy is the other seminar's program file (program.programfile.export_program) imported
under a new slug and title, with its departments: its program and settings, never what its
participants wrote or who they are. Whoever makes a seminar becomes its facilitator.
"""

from django.db import transaction
from django.utils.text import slugify

from program.editor import programdata
from program.itemkeys import _FOLD
from program.programfile import ProgramSpec, export_program, parse
from program.programimport import load
from seminar.models import Department, Seminar

MAX_SLUG = Seminar._meta.get_field("slug").max_length


def free_slug(title: str) -> str:
    """A slug made from the title that no seminar has yet."""
    base = slugify(title.translate(_FOLD))[: MAX_SLUG - 4].strip("-") or "seminar"
    slug, number = base, 2
    while Seminar.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _made(seminar: Seminar, by) -> Seminar:
    seminar.facilitators.add(by)
    return seminar


@transaction.atomic
def create_empty(*, title: str, slug: str, by) -> Seminar:
    """A seminar with a title and no program yet; `by` becomes its facilitator."""
    return _made(Seminar.objects.create(slug=slug, title=title), by)


@transaction.atomic
def create_from_spec(*, spec: ProgramSpec, by) -> Seminar:
    """A new seminar from a parsed program file (its slug must be free); `by` facilitates it."""
    return _made(load(spec).seminar, by)


@transaction.atomic
def copy_seminar(*, source: Seminar, title: str, slug: str, by) -> Seminar:
    """A new seminar with the source's program, settings and departments; no participants,
    nothing they wrote, no groups formed. `by` becomes its facilitator."""
    programdata.give_keys(source)
    spec = parse(export_program(source))
    spec.slug, spec.title = slug, title
    spec.english.pop("title_en", None)  # the old title's English no longer fits
    seminar = load(spec).seminar
    Department.objects.bulk_create(
        [
            Department(seminar=seminar, name=name)
            for name in source.departments.values_list("name", flat=True)
        ]
    )
    return _made(seminar, by)
