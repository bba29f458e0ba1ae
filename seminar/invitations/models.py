"""A mailing (one click: invitations or a reminder) and its deliveries, one row per person.

Imported by `seminar.models`, so the models belong to the seminar app."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from seminar.models import Participant, Seminar


class Mailing(models.Model):
    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="mailings")
    # A key of seminar.invitations.kinds: "invitation", "homework".
    kind = models.CharField(_("kind"), max_length=30)
    language = models.CharField(_("language"), max_length=10)
    # The one-time token of the form that made it: a second submit of that form finds this.
    token = models.CharField(max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["seminar", "token"], name="mailing_unique_token")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%Y-%m-%d %H:%M}"


class DeliveryQuerySet(models.QuerySet):
    def retryable(self, *, stale_before) -> "DeliveryQuerySet":
        """Failed rows, and rows claimed before `stale_before` whose fate is unknown (a crash)."""
        return self.filter(models.Q(status=Delivery.Status.FAILED)
                           | models.Q(status=Delivery.Status.SENDING, claimed_at__lt=stale_before))


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Address refused")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="deliveries")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    # What the mail is about for this person (a reminder: the keys of the homework not done).
    details = models.JSONField(default=list, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["mailing", "participant"],
                                    name="delivery_unique_person")
        ]
        indexes = [models.Index(fields=["status"], name="delivery_status")]

    def __str__(self) -> str:
        return f"{self.participant_id}: {self.status}"
