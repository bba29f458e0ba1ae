"""What an activity of this app puts on the projector while its item is on."""

from django.db import models

from program.models import AgendaItem


class Showing(models.Model):
    """One per agenda item: what the facilitator chose to show (nothing = the item's text)."""

    class What(models.TextChoices):
        NOTHING = "", "nothing"
        POSTER = "poster", "a group's poster"
        ANALYSIS = "analysis", "a group's case analysis"
        GOAL = "goal", "one goal"
        PLANS = "plans", "a department's plans"
        MANAGEMENT = "management", "management's message"
        MONDAY = "monday", "the room's Monday actions"

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="goals_showing")
    what = models.CharField(max_length=20, choices=What.choices, blank=True, default="")
    ref = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.item}: {self.what or '-'} {self.ref or ''}"
