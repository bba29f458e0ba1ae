"""A seminar with something of every kind stored, for the tests of a participant's rights and a
purge."""

import datetime as dt
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings

from goals.cases import services as cases
from goals.commitments import services as commitments
from interviews import services as interviews
from program.models import AgendaItem, Idea
from tests.program.report_data import produce


def fill(seminar) -> dict:
    """The program's morning (questions, soapbox with private drafts, cards, ideas with a photo,
    galleries) plus an interview, a case and a closing-block commitment with a message by the
    author of the photo."""
    made = produce(seminar)
    person = Idea.objects.filter(item__day__seminar=seminar).exclude(photo="").first().author
    interviews.save_interview(
        author=person,
        who="Pensionist",
        said="Hurtige svar",
        quotes="",
        tags=[],
        show_name=True,
        version=0,
        key=uuid.uuid4(),
    )
    cases.save_case(
        author=person,
        version=0,
        key=uuid.uuid4(),
        title="Frivillige",
        what_happened="Vi mødtes",
        partners=["citizens"],
        partners_other="",
        achieved="",
        themes="tillid",
    )
    closing = AgendaItem.objects.create(
        day=seminar.days.order_by("date").last(),
        position=50,
        start=dt.time(15, 0),
        minutes=30,
        title="Hjemme",
        kind="commitments",
    )
    commitments.save_commitment(
        item=closing,
        author=person,
        version=0,
        key=uuid.uuid4(),
        agreements="Aftale",
        monday="Ring",
        share_monday=True,
        messages=[("Budskab", "Teamet")],
    )
    return made


def row_counts() -> dict[str, int]:
    """Rows of every model of the project (and of Django's own apps), by model label."""
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return (
        {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
        if root.exists()
        else set()
    )
