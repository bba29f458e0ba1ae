"""What each leader says at home, and top management's own message."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from program.models import AgendaItem
from seminar.models import Participant, Seminar

MAX_COMMITMENT_TEXT = 2000
MAX_MESSAGE = 500
MAX_AUDIENCE = 200


class Commitment(models.Model):
    """One leader's agreements, Monday action and messages; private unless they share Monday."""

    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="commitments")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="commitments")
    author = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="commitment")
    agreements = models.TextField(
        _("the agreements I made"), max_length=MAX_COMMITMENT_TEXT, blank=True
    )
    monday = models.TextField(
        _("what I do on Monday back at the office"), max_length=MAX_COMMITMENT_TEXT
    )
    share_monday = models.BooleanField(
        _("share my Monday action with the room (without my name)"), default=False
    )
    hidden = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)
    key = models.UUIDField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.author}: {self.monday[:40]}"


class CommitmentMessage(models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="messages")
    position = models.PositiveSmallIntegerField()
    message = models.CharField(_("message"), max_length=MAX_MESSAGE)
    audience = models.CharField(_("to whom"), max_length=MAX_AUDIENCE)

    class Meta:
        ordering = ["commitment", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "position"], name="commitmentmessage_unique_position"
            )
        ]


class ManagementMessage(models.Model):
    """Top management's message to the organisation: one per seminar."""

    seminar = models.OneToOneField(
        Seminar, on_delete=models.CASCADE, related_name="management_message"
    )
    text = models.TextField(_("management's message"), max_length=MAX_COMMITMENT_TEXT)
    author = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, related_name="+")
    version = models.PositiveIntegerField(default=1)
    key = models.UUIDField()
    hidden = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)
