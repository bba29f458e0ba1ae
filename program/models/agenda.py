"""The agenda (days and items) and each seminar's one live state."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Grouping
from seminar.bilingual import Bilingual
from seminar.models import Seminar


class Day(Bilingual, models.Model):
    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["seminar", "date"]
        constraints = [models.UniqueConstraint(fields=["seminar", "date"], name="day_unique_date")]

    def __str__(self) -> str:
        return self.title


class AgendaItemQuerySet(models.QuerySet):
    def in_order(self) -> "AgendaItemQuerySet":
        return self.order_by("day__date", "position")

    def for_seminar(self, seminar: Seminar) -> "AgendaItemQuerySet":
        return self.filter(day__seminar=seminar).select_related("day", "grouping").in_order()


class AgendaItem(Bilingual, models.Model):
    day = models.ForeignKey(Day, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    # What a re-imported program file matches the item by (program.itemkeys), unique in its seminar.
    key = models.CharField(_("key"), max_length=60, blank=True, db_index=True)
    start = models.TimeField(_("published start"), null=True, blank=True)
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=0)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("participant text"), blank=True)
    notes = models.TextField(_("facilitator notes"), blank=True)
    leads = models.CharField(_("who leads"), max_length=200, blank=True)
    kind = models.CharField(_("activity kind"), max_length=40, default="info")
    grouping = models.ForeignKey(
        Grouping,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("grouping"),
    )
    round_number = models.PositiveSmallIntegerField(
        _("round"), default=1, help_text=_("Which round of the grouping this item uses.")
    )
    place = models.CharField(_("meeting place"), max_length=200, blank=True)
    returns_at = models.TimeField(_("back at"), null=True, blank=True)
    secret = models.BooleanField(_("hidden until revealed"), default=False)
    # English variants, shown on English screens when filled (seminar.bilingual).
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    text_en = models.TextField(_("participant text (English)"), blank=True)
    notes_en = models.TextField(_("facilitator notes (English)"), blank=True)
    leads_en = models.CharField(_("who leads (English)"), max_length=200, blank=True)
    place_en = models.CharField(_("meeting place (English)"), max_length=200, blank=True)
    # The activity's own settings from the program file (e.g. a soapbox's speakers and
    # preparation minutes); each kind reads its own keys with its defaults.
    settings = models.JSONField(_("activity settings"), default=dict, blank=True)
    revealed_at = models.DateTimeField(null=True, blank=True)
    shift_minutes = models.SmallIntegerField(default=0)
    actual_start = models.DateTimeField(null=True, blank=True)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["day__date", "position"]
        constraints = [
            models.UniqueConstraint(fields=["day", "position"], name="item_unique_position")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def scheduled_start(self) -> dt.time | None:
        """The published start moved by any shifts the facilitator made."""
        if self.start is None:
            return None
        moved = dt.datetime.combine(self.day.date, self.start) + dt.timedelta(
            minutes=self.shift_minutes
        )
        return moved.time()

    @property
    def is_hidden(self) -> bool:
        return self.secret and self.revealed_at is None


class LiveState(models.Model):
    """What is on now in one seminar. Only program.services writes it."""

    class Projector(models.TextChoices):
        ITEM = "item", _("Current item")
        JOIN = "join", _("Join screen")
        MESSAGE = "message", _("Message")
        BLANK = "blank", _("Blank screen")
        GROUPS = "groups", _("Find your group")

    seminar = models.OneToOneField(Seminar, on_delete=models.CASCADE, related_name="live")
    item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    projector = models.CharField(max_length=10, choices=Projector.choices, default=Projector.ITEM)
    message = models.CharField(max_length=300, blank=True)
    timer_ends_at = models.DateTimeField(null=True, blank=True)
    timer_remaining = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.seminar} v{self.version}"
