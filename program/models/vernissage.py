"""Vernissage: reactions and comments on a table's ideas, visits, the host rota's turn."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Group
from program.models.agenda import AgendaItem
from program.models.ideas import Idea
from seminar.models import Participant

MAX_COMMENT = 280
MAX_CLOSING = 600


class Reaction(models.Model):
    class Kind(models.TextChoices):
        LIKE = "like", _("I like it")
        LOVE = "love", _("Love it")
        IDEA = "idea", _("Gives me an idea")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="reactions")
    visitor = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "visitor"], name="one_reaction_per_person")
        ]


class Comment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="idea_comments")
    text = models.CharField(_("comment"), max_length=MAX_COMMENT)
    key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)
    hidden = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["author", "key"], name="comment_once_per_key")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class GalleryVisit(models.Model):
    """Where a visitor is now: the gallery they opened (or refreshed) last, and when."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="+")
    visitor = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "visitor"], name="one_gallery_at_a_time")
        ]


class Vernissage(models.Model):
    """One vernissage item's running state: the rota's turn and the closing remarks."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="vernissage")
    turn = models.PositiveSmallIntegerField(default=0)
    turns = models.PositiveSmallIntegerField(_("host turns"), default=3)
    closing = models.CharField(_("closing remarks"), max_length=MAX_CLOSING, blank=True)
    closing_shown = models.BooleanField(default=False)
    # The end of the room countdown that last moved the rota on (program/timers.py): each
    # countdown moves it once.
    moved_by_timer_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.item} turn {self.turn + 1}"
