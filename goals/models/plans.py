"""What each locked goal requires of a department: one plan per department group per goal."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from goals.models.goals import Goal
from groups.models import Group
from program.models import AgendaItem

MAX_PLAN_TEXT = 2000


class DepartmentPlan(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="department_plans")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="department_plans")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="department_plans")
    requires = models.TextField(
        _("what it requires of our department"), max_length=MAX_PLAN_TEXT, blank=True
    )
    how = models.TextField(_("how we get there"), max_length=MAX_PLAN_TEXT, blank=True)
    challenges = models.TextField(
        _("which challenges we expect"), max_length=MAX_PLAN_TEXT, blank=True
    )
    meeting_them = models.TextField(_("how we meet them"), max_length=MAX_PLAN_TEXT, blank=True)
    version = models.PositiveIntegerField(default=1)
    key = models.UUIDField()
    hidden = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["group__number", "goal__group__number"]
        constraints = [
            models.UniqueConstraint(fields=["group", "goal"], name="departmentplan_one_per_goal")
        ]

    def __str__(self) -> str:
        return f"{self.group} / {self.goal_id}"
