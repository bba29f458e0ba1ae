"""A participant's rights: everything stored about them (export) and their erasure.

The core cannot import the apps above it, so it finds a person's rows through the model
registry: every model with a foreign key to Participant. What erasure does with each is
written down here, by model label, in one table (`POLICY`; an app of its own adds its
models with `register_policy`); a model with a key to
Participant that the table does not name makes erasure refuse, and a test walks every
model, so a new kind of row cannot be forgotten.

Erasure removes the person (name, e-mail, job title, code, link) and what was theirs alone
(private drafts, feedback about them, plans, takeaways, commitments, handshakes, their own
photos, an interview or case no group picked). What they made with others stays: cards,
poster notes, ideas, questions, comments, the speaking order, a picked case or interview;
it now reads "a former participant".
"""

import json
from collections.abc import Callable

from django.apps import apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from seminar import photos
from seminar.models import Participant, new_code, new_token

KEEP = "keep"
DELETE = "delete"


def _drop_photos(rows: models.QuerySet) -> None:
    """Their own photos go (the idea's text, the table's work, stays)."""
    names = [name for pair in rows.values_list("photo", "photo_small") for name in pair if name]
    rows.update(photo="", photo_small="", photo_width=None, photo_height=None)
    transaction.on_commit(lambda: photos.discard(*names))


def _unless_picked(rows: models.QuerySet) -> None:
    """Their own homework goes, unless a group or the plenum picked it: then it is shared work."""
    rows.filter(picks__isnull=True).delete()
    if rows.model._meta.label == "interviews.Interview":
        rows.update(show_name=False)


# (model label, field to Participant) -> what erasure does with the person's rows.
POLICY: dict[tuple[str, str], str | Callable[[models.QuerySet], None]] = {
    ("groups.Membership", "participant"): KEEP,
    ("program.Idea", "author"): _drop_photos,
    ("program.Question", "author"): KEEP,
    ("program.QuestionVote", "voter"): KEEP,
    ("program.SpeechDraft", "author"): DELETE,
    ("program.Volunteer", "participant"): DELETE,
    ("program.Speaker", "participant"): KEEP,
    ("program.SpeechFeedback", "speaker"): DELETE,
    ("program.SpeechFeedback", "author"): KEEP,
    ("program.ActionPlan", "author"): DELETE,
    ("program.TableCard", "author"): KEEP,
    ("program.Reaction", "visitor"): KEEP,
    ("program.Comment", "author"): KEEP,
    ("program.GalleryVisit", "visitor"): DELETE,
    ("interviews.Interview", "author"): _unless_picked,
    ("interviews.InterviewRevision", "author"): DELETE,
    ("interviews.TableCard", "author"): KEEP,
    ("goals.Case", "author"): _unless_picked,
    ("goals.PosterNote", "author"): KEEP,
    ("goals.Takeaway", "author"): DELETE,
    ("goals.Commitment", "author"): DELETE,
    ("goals.ManagementMessage", "author"): KEEP,
    ("goals.GoalRevision", "by_participant"): KEEP,
    ("goals.Handshake", "participant"): DELETE,
    ("seminar.Delivery", "participant"): DELETE,
}


def register_policy(label: str, field: str, rule: str | Callable[[models.QuerySet], None]) -> None:
    """What erasure does with an app's own rows that point at Participant, said by the app
    (in its `AppConfig.ready()`), so that an app added later needs no line in POLICY."""
    if POLICY.get((label, field), rule) != rule:
        raise ValueError(f"erasure policy for {label}.{field} is registered twice")
    POLICY[(label, field)] = rule


class Unregistered(Exception):
    """A model points at Participant and the erasure policy does not say what to do with it."""


def links_to_participant() -> list[tuple[type[models.Model], str]]:
    """Every (model, field name) whose foreign key points at Participant."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if (
                field.is_relation
                and field.related_model is Participant
                and model is not Participant
            ):
                found.append((model, field.name))
    return found


def _children(obj: models.Model) -> list[models.Model]:
    """Rows that hang off one of the person's rows and belong to nobody else (plan steps,
    messages)."""
    found = []
    for relation in obj._meta.related_objects:
        child = relation.related_model
        if relation.one_to_many and not any(
            f.is_relation and f.related_model is Participant for f in child._meta.concrete_fields
        ):
            found += list(child.objects.filter(**{relation.field.name: obj}))
    return found


def _plain(objects: list[models.Model]) -> list[dict]:
    return [{"id": row["pk"], **row["fields"]} for row in serializers.serialize("python", objects)]


def export(participant: Participant) -> dict:
    """Everything stored about the person: their own row, every row that points at them, and those
    rows' parts."""
    person = Participant.objects.select_related("seminar", "department").get(pk=participant.pk)
    data: dict = {
        "exported_at": timezone.now(),
        "seminar": person.seminar.title,
        "department": person.department.name,
        "participant": {
            key: value
            for key, value in _plain([person])[0].items()
            if key not in ("seminar", "department")
        },
        "rows": {},
    }
    for model, field in links_to_participant():
        rows = list(model.objects.filter(**{field: person}))
        if rows:
            # SpeechFeedback points at the person twice: as its author and as its speaker.
            label = f"{model._meta.label} ({field})"
            data["rows"].setdefault(label, []).extend(_plain(rows))
            for child in (child for row in rows for child in _children(row)):
                data["rows"].setdefault(child._meta.label, []).extend(_plain([child]))
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder, default=str))


def export_json(participant: Participant) -> str:
    return json.dumps(export(participant), ensure_ascii=False, indent=2)


@transaction.atomic
def erase(*, participant: Participant) -> Participant:
    """Erase the person; their group's shared work stays, attributed to "a former participant".

    Applies POLICY to every row that points at them (raises Unregistered, changing nothing,
    for a model the policy does not name), then blanks every personal field of their own
    row and replaces their link and code (revoked). Photo files go after the commit.
    """
    links = links_to_participant()
    missing = [
        (model._meta.label, field)
        for model, field in links
        if (model._meta.label, field) not in POLICY
    ]
    if missing:
        raise Unregistered(missing)
    for model, field in links:
        rule = POLICY[(model._meta.label, field)]
        rows = model.objects.filter(**{field: participant})
        if rule == DELETE:
            rows.delete()
        elif callable(rule):
            rule(rows)
    Participant.objects.filter(pk=participant.pk).update(
        name="",
        email="",
        title="",
        present=False,
        role=Participant.Role.PARTICIPANT,
        token=new_token(),
        code=_free_code(participant),
        access_revoked=True,
        access_version=models.F("access_version") + 1,
        erased_at=timezone.now(),
    )
    return Participant.objects.get(pk=participant.pk)


def _free_code(participant: Participant) -> str:
    """A fresh code nobody holds (the old one could still be on a printed card)."""
    taken = set(
        Participant.objects.filter(seminar_id=participant.seminar_id).values_list("code", flat=True)
    )
    code = new_code()
    while code in taken:
        code = new_code()
    return code


def find(seminar_slug: str, code_or_email: str) -> Participant | None:
    """A seminar's participant by personal code (any case) or e-mail (any case), for support
    commands."""
    key = code_or_email.strip()
    people = Participant.objects.filter(seminar__slug=seminar_slug, erased_at__isnull=True)
    return people.filter(code__iexact=key).first() or (
        people.filter(email__iexact=key).first() if "@" in key else None
    )
