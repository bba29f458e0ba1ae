"""Brainstorm ideas (text and an optional photo) and the state of the projector's wall."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Group
from program.models.agenda import AgendaItem
from seminar.models import Participant

MAX_IDEA = 500


class IdeaQuerySet(models.QuerySet):
    def visible(self) -> "IdeaQuerySet":
        return self.filter(hidden=False)


class Idea(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="ideas")
    group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="ideas"
    )
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="ideas")
    text = models.CharField(_("idea"), max_length=MAX_IDEA)
    photo = models.CharField(max_length=200, blank=True)
    photo_small = models.CharField(max_length=200, blank=True)
    photo_width = models.PositiveIntegerField(null=True, blank=True)
    photo_height = models.PositiveIntegerField(null=True, blank=True)
    key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)
    hidden = models.BooleanField(default=False)
    featured = models.BooleanField(default=False)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["author", "key"], name="idea_once_per_key")]

    def __str__(self) -> str:
        return self.text[:60]


class IdeaWall(models.Model):
    """The projector's wall for one brainstorm: paused after `paused_after` (an idea id)."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="idea_wall")
    paused = models.BooleanField(default=False)
    paused_after = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.item} {'paused' if self.paused else 'live'}"
