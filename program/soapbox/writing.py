"""What each person writes at the soapbox: their speech draft, feedback to speakers, their action
plan.

All of it is private: a draft and a plan to their author, feedback to its speaker. Nothing
here is published to a room or a group; a speaker's phone is only told to fetch its own
part again when new feedback is waiting for it.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from program import activities
from program.models import ActionPlan, ActionStep, AgendaItem, Speaker, SpeechDraft, SpeechFeedback
from program.soapbox import regions, selectors
from program.soapbox.services import NotOpen, NotPossible
from seminar.models import Participant
from seminar.submissions import check_pace

MAX_STEPS = 5


class StaleDraft(Exception):
    """The draft was saved from another screen since this one loaded it."""

    def __init__(self, draft: SpeechDraft) -> None:
        super().__init__("stale draft")
        self.draft = draft


@dataclass(frozen=True)
class Step:
    what: str
    with_whom: str
    by_when: dt.date


def _open(item: AgendaItem, person: Participant) -> None:
    if item.kind != selectors.KIND or item.day.seminar_id != person.seminar_id:
        raise NotOpen


@transaction.atomic
def save_draft(
    *, item: AgendaItem, author: Participant, version: int, parts: dict[str, str]
) -> SpeechDraft:
    """Save the author's speech draft if `version` is the one they last saw (the autosave).

    Saves the five parts and claims the next version; raises StaleDraft (with the newer draft)
    when another screen saved in between. Publishes nothing: the draft is the author's alone.
    """
    _open(item, author)
    fields = {name: parts.get(name, "") for name in SpeechDraft.PARTS}
    draft, _ = SpeechDraft.objects.get_or_create(item=item, author=author)
    saved = SpeechDraft.objects.filter(pk=draft.pk, version=version).update(
        **fields, version=F("version") + 1, updated_at=timezone.now()
    )
    draft.refresh_from_db()
    if not saved:
        raise StaleDraft(draft)
    return draft


@transaction.atomic
def give_feedback(
    *,
    item: AgendaItem,
    author: Participant,
    speaker: Speaker,
    worked: str,
    suggestion: str,
    key: uuid.UUID,
) -> SpeechFeedback:
    """Give a speaker of one's own group feedback (once per key): what worked, one suggestion.

    Saves it for the speaker's eyes only; once the group reads feedback, the speaker's phone
    fetches its own part again (resync). Nothing goes to the group.
    """
    existing = SpeechFeedback.objects.filter(author=author, key=key).first()
    if existing is not None:
        return existing
    _open(item, author)
    group = speaker.draw.group
    if (
        speaker.draw.item_id != item.pk
        or speaker.called_at is None
        or speaker.participant_id == author.pk
        or not selectors.is_member(item, group, author)
    ):
        raise NotOpen
    phase = selectors.group_state(item, group).phase
    if phase not in ("speeches", "feedback"):
        raise NotPossible
    check_pace(author.pk, "soapbox-feedback")
    try:
        with transaction.atomic():
            feedback = SpeechFeedback.objects.create(
                item=item,
                speaker_id=speaker.participant_id,
                author=author,
                worked=worked.strip(),
                suggestion=suggestion.strip(),
                key=key,
            )
    except IntegrityError:  # the same key raced in from a retried request
        return SpeechFeedback.objects.get(author=author, key=key)
    if phase == "feedback":
        activities.push(item, regions.INBOX, target=speaker.participant)
    return feedback


@transaction.atomic
def save_action_plan(
    *, item: AgendaItem, author: Participant, steps: list[Step], key: uuid.UUID
) -> ActionPlan:
    """Save the author's action plan (once per key): its steps replace the plan saved before.

    Every save is kept as a version; the newest is the plan. A retried or replayed send
    returns the version it made and changes nothing. Publishes nothing: the plan is private.
    """
    existing = ActionPlan.objects.filter(author=author, key=key).first()
    if existing is not None:
        return existing
    _open(item, author)
    if not 1 <= len(steps) <= MAX_STEPS:
        raise NotPossible
    check_pace(author.pk, "soapbox-plan")
    try:
        with transaction.atomic():
            plan = ActionPlan.objects.create(item=item, author=author, key=key)
    except IntegrityError:
        return ActionPlan.objects.get(author=author, key=key)
    ActionStep.objects.bulk_create(
        ActionStep(
            plan=plan,
            position=position,
            what=step.what,
            with_whom=step.with_whom,
            by_when=step.by_when,
        )
        for position, step in enumerate(steps, start=1)
    )
    return plan
