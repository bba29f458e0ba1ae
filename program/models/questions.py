"""Questions from the room to a plenary interview, and the votes that rank them."""

from django.db import models
from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from program.models.agenda import AgendaItem
from seminar.models import Participant

MAX_QUESTION = 280


class QuestionQuerySet(models.QuerySet):
    def visible(self) -> "QuestionQuerySet":
        return self.filter(hidden=False)

    def ranked(self) -> "QuestionQuerySet":
        return (
            self.annotate(votes=Count("question_votes"))
            .select_related("author__department")
            # Unanswered first on every database (PostgreSQL sorts NULLs last by default).
            .order_by(F("answered_at").asc(nulls_first=True), "-votes", "created_at")
        )


class Question(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=MAX_QUESTION)
    anonymous = models.BooleanField(_("anonymous to the room"), default=False)
    key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)
    hidden = models.BooleanField(default=False)
    featured = models.BooleanField(default=False)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["author", "key"], name="question_once_per_key")
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def shown_name(self) -> str:
        """The name the room sees: the author's, unless they asked to be anonymous."""
        return "" if self.anonymous else self.author.name


class QuestionVote(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="question_votes")
    voter = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "voter"], name="one_vote_per_person")
        ]
