"""Questions from the room: ask, vote (and take the vote back), and the facilitator's moderation."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from program import activities
from program.models import AgendaItem, Question, QuestionVote
from program.questions import regions
from seminar.models import Participant
from seminar.submissions import check_pace


class NotOpen(Exception):
    """Questions for this item are not being taken (wrong kind or another seminar)."""


def _publish(item: AgendaItem, *also) -> None:
    """The ranked list on the phones and the tablets (and `also` those regions)."""
    activities.push(item, regions.ROOM, regions.TABLET, *also)


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
    _publish(question.item, regions.FEATURED)


@transaction.atomic
def mark_answered(*, question: Question) -> None:
    """Mark a question answered: it sinks to the end of the list and leaves the projector."""
    Question.objects.filter(pk=question.pk).update(answered_at=timezone.now(), featured=False)
    _publish(question.item, *([regions.FEATURED] if question.featured else []))


@transaction.atomic
def hide(*, question: Question) -> None:
    """Take a question off every screen (it is kept, for the report)."""
    Question.objects.filter(pk=question.pk).update(hidden=True, featured=False)
    _publish(question.item, *([regions.FEATURED] if question.featured else []))


@transaction.atomic
def show(*, question: Question) -> None:
    """Put a hidden question back on the phones' list (not on the projector: that is "feature")."""
    Question.objects.filter(pk=question.pk).update(hidden=False)
    _publish(question.item)
