"""Questions from the room: ask, vote (and take the vote back), and the facilitator's moderation."""

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from program import screens
from program.models import AgendaItem, Question, QuestionVote
from seminar import live
from seminar.languages import language_codes
from seminar.models import Participant
from seminar.submissions import check_pace


class NotOpen(Exception):
    """Questions for this item are not being taken (wrong kind or another seminar)."""


def _regions(item_id: int):
    """The ranked list, once per language, for phones and (with authors) for tablets."""
    item = AgendaItem.objects.select_related("day").get(pk=item_id)
    questions = list(Question.objects.filter(item=item).ranked())
    for language in language_codes():
        with translation.override(language):
            context = {"item": item, "questions": [q for q in questions if not q.hidden]}
            if live.listened(item.day.seminar_id, f"participant-{language}"):
                yield f"participant-{language}", render_to_string("program/questions/live.html#room", context)
            if live.listened(item.day.seminar_id, f"facilitator-{language}"):
                yield f"facilitator-{language}", render_to_string(
                    "program/questions/live.html#tablet", {"item": item, "questions": questions})


def _publish(item: AgendaItem) -> None:
    live.publish(item.day.seminar_id, lambda: _regions(item.pk))


@transaction.atomic
def ask(*, item: AgendaItem, author: Participant, text: str, anonymous: bool, key) -> Question:
    """Save a question (once per key); the ranked list updates on phones and tablets."""
    if item.kind != "questions" or item.day.seminar_id != author.seminar_id:
        raise NotOpen
    existing = Question.objects.filter(author=author, key=key).first()
    if existing is not None:
        return existing
    check_pace(author.pk, "question")
    try:
        with transaction.atomic():
            question = Question.objects.create(item=item, author=author, text=text.strip(),
                                               anonymous=anonymous, key=key)
    except IntegrityError:  # the same key raced in from a retried request
        return Question.objects.get(author=author, key=key)
    _publish(item)
    return question


@transaction.atomic
def toggle_vote(*, question: Question, voter: Participant) -> bool:
    """Vote for a question, or take the vote back. Returns whether the vote now stands."""
    if question.item.day.seminar_id != voter.seminar_id or question.hidden:
        raise NotOpen
    deleted, _ = QuestionVote.objects.filter(question=question, voter=voter).delete()
    if not deleted:
        QuestionVote.objects.get_or_create(question=question, voter=voter)
    _publish(question.item)
    return not deleted


@transaction.atomic
def feature(*, question: Question) -> None:
    """Put one question on the projector (and take any other off)."""
    Question.objects.filter(item=question.item, featured=True).exclude(pk=question.pk).update(featured=False)
    Question.objects.filter(pk=question.pk).update(featured=not question.featured, hidden=False)
    _publish(question.item)
    screens.publish_room(question.item.day.seminar_id)


@transaction.atomic
def mark_answered(*, question: Question) -> None:
    """Mark a question answered: it sinks to the end of the list and leaves the projector."""
    Question.objects.filter(pk=question.pk).update(answered_at=timezone.now(), featured=False)
    _publish(question.item)
    if question.featured:
        screens.publish_room(question.item.day.seminar_id)


@transaction.atomic
def hide(*, question: Question) -> None:
    """Take a question off every screen (it is kept, for the report)."""
    Question.objects.filter(pk=question.pk).update(hidden=True, featured=False)
    _publish(question.item)
    screens.publish_room(question.item.day.seminar_id)


@transaction.atomic
def show(*, question: Question) -> None:
    """Put a hidden question back on the phones' list (not on the projector: that is "feature")."""
    Question.objects.filter(pk=question.pk).update(hidden=False)
    _publish(question.item)


def my_votes(item: AgendaItem, participant: Participant) -> list[int]:
    return list(QuestionVote.objects.filter(question__item=item, voter=participant)
                .values_list("question_id", flat=True))
