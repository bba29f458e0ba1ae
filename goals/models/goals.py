"""Each big group's goal (for the seminar's goal_year), the history of its text, and the room's
handshakes on it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Group
from program.models import AgendaItem
from seminar.models import Participant, Seminar

MAX_GOAL_TEXT = 2000


class GoalQuerySet(models.QuerySet):
    def visible(self) -> "GoalQuerySet":
        return self.filter(hidden=False)

    def locked(self) -> "GoalQuerySet":
        return self.filter(locked_at__isnull=False)

    def in_order(self) -> "GoalQuerySet":
        return self.select_related("group").order_by("group__number", "pk")


class Goal(models.Model):
    """A big group's goal: edited by its members until a facilitator locks it."""

    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="goals")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="goals")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="goal")
    what = models.TextField(_("what we must succeed with"), max_length=MAX_GOAL_TEXT)
    why = models.TextField(_("why"), max_length=MAX_GOAL_TEXT, blank=True)
    how_we_know = models.TextField(_("how we will know"), max_length=MAX_GOAL_TEXT, blank=True)
    version = models.PositiveIntegerField(default=1)
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["group__number", "pk"]

    def __str__(self) -> str:
        return f"{self.group}: {self.what[:50]}"

    @property
    def locked(self) -> bool:
        return self.locked_at is not None


class GoalRevision(models.Model):
    """One saved version of a goal's text: who saved it, when, and with which key."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    what = models.TextField(max_length=MAX_GOAL_TEXT)
    why = models.TextField(max_length=MAX_GOAL_TEXT, blank=True)
    how_we_know = models.TextField(max_length=MAX_GOAL_TEXT, blank=True)
    by_participant = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    key = models.UUIDField()
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["goal", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "version"], name="goalrevision_unique_version"),
            models.UniqueConstraint(fields=["goal", "key"], name="goalrevision_once_per_key"),
        ]

    def __str__(self) -> str:
        return f"{self.goal_id} v{self.version}"

    @property
    def saved_by(self) -> str:
        if self.by_participant_id:
            return self.by_participant.name
        return self.by_user.get_username() if self.by_user_id else ""


class Handshake(models.Model):
    """A participant's handshake on a goal: once per person per goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="handshakes")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="handshakes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "participant"], name="handshake_once_per_person"
            )
        ]
