"""Table talk: short cards ("possibility" or "challenge") that each table collects."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Group
from program.models.agenda import AgendaItem
from seminar.models import Participant

MAX_CARD = 200


class TableCardQuerySet(models.QuerySet):
    def visible(self) -> "TableCardQuerySet":
        return self.filter(hidden=False)


class TableCard(models.Model):
    class Kind(models.TextChoices):
        POSSIBILITY = "possibility", _("Possibility")
        CHALLENGE = "challenge", _("Challenge")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="table_cards")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="table_cards")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="table_cards")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=MAX_CARD)
    key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)
    hidden = models.BooleanField(default=False)

    objects = TableCardQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["author", "key"], name="table_card_once_per_key")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class TableTalkShow(models.Model):
    """What the projector shows of the cards during one table talk item."""

    class Mode(models.TextChoices):
        NONE = "", _("Nothing")
        TABLE = "table", _("One table")
        ALL = "all", _("All tables, by kind")

    item = models.OneToOneField(
        AgendaItem, on_delete=models.CASCADE, related_name="table_talk_show"
    )
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.NONE, blank=True)
    group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.item} {self.mode}"
