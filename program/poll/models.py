"""A poll's state (open, closed, results shown) and its votes; the question and options are
the item's own settings from the program file (program.poll.ballots)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from program.models import AgendaItem
from seminar.models import Participant


class Poll(models.Model):
    """What the facilitator has done with a poll item: made when first opened."""

    class Status(models.TextChoices):
        READY = "ready", _("not opened yet")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="poll")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.READY
    )
    results_shown = models.BooleanField(_("results shown"), default=False)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self) -> str:
        return f"{self.item} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class Vote(models.Model):
    """One option a participant chose (a multiple-choice vote is several rows)."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="poll_votes")
    voter = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="poll_votes")
    option = models.PositiveSmallIntegerField(
        _("option")
    )  # its place in the item's options, from 0
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("poll vote")
        verbose_name_plural = _("poll votes")
        constraints = [
            models.UniqueConstraint(fields=["item", "voter", "option"], name="poll_vote_once")
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} → {self.option}"
