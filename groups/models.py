"""Groupings (tables, big groups, department groups), their rounds, groups and members."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from seminar.models import Participant, Seminar


class Grouping(models.Model):
    class Kind(models.TextChoices):
        MIXED = "mixed", _("Cross-cutting (departments mixed)")
        DEPARTMENT = "department", _("By department")

    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="groupings")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MIXED)
    group_size = models.PositiveSmallIntegerField(_("target group size"), null=True, blank=True)
    num_groups = models.PositiveSmallIntegerField(_("number of groups"), null=True, blank=True)
    min_size = models.PositiveSmallIntegerField(
        _("smallest group"),
        null=True,
        blank=True,
        help_text=_("Department groups: a department smaller than this joins another group."),
    )
    label = models.CharField(
        _("group label"),
        max_length=40,
        default="Gruppe",
        help_text=_('Groups are named with this and a number, e.g. "Bord 3".'),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("grouping")
        verbose_name_plural = _("groupings")
        ordering = ["seminar", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["seminar", "name"], name="grouping_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Round(models.Model):
    grouping = models.ForeignKey(Grouping, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("round"))
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["grouping", "number"]
        constraints = [
            models.UniqueConstraint(fields=["grouping", "number"], name="round_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.grouping} {self.number}"


class Group(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(_("name"), max_length=120)
    location = models.CharField(_("where"), max_length=200, blank=True)

    class Meta:
        ordering = ["round", "number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="group_unique_number")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="memberships")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="memberships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "participant"], name="membership_one_group_per_round"
            )
        ]
