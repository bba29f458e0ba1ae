"""The soapbox: each group's own phase and timer, speech drafts, speakers, feedback, action plans.

Drafts, feedback and action plans are private: only their author (for feedback, its
speaker) ever reads them. They are never part of a frame pushed to a room or a group.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Group
from program.models.agenda import AgendaItem
from seminar.models import Participant

MAX_DRAFT_PART = 2000
MAX_FEEDBACK = 500
MAX_STEP_WHAT = 300
MAX_STEP_WHO = 150


class GroupActivityState(models.Model):
    """One group's phase and countdown in an activity that groups run in parallel.

    Written only by program.soapbox.services, with a compare-and-set on `version`.
    """

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="group_states")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="activity_states")
    phase = models.CharField(max_length=20)
    timer_ends_at = models.DateTimeField(null=True, blank=True)
    timer_remaining = models.PositiveIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "group"], name="group_state_once")]

    def __str__(self) -> str:
        return f"{self.group} {self.phase} v{self.version}"


class SpeechDraft(models.Model):
    """A participant's staff speech, in five parts; saved as it is typed, read by its author
    only."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="speech_drafts")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="speech_drafts")
    message = models.TextField(_("The message"), blank=True, max_length=MAX_DRAFT_PART)
    reason = models.TextField(_("Why it matters"), blank=True, max_length=MAX_DRAFT_PART)
    strengths = models.TextField(
        _("Strengths and challenges"), blank=True, max_length=MAX_DRAFT_PART
    )
    actions = models.TextField(
        _("How we put it into practice"), blank=True, max_length=MAX_DRAFT_PART
    )
    consequences = models.TextField(
        _("Consequences for implementation"), blank=True, max_length=MAX_DRAFT_PART
    )
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    PARTS = ("message", "reason", "strengths", "actions", "consequences")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "author"], name="one_draft_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.author} v{self.version}"


class Volunteer(models.Model):
    """A participant who offers to give their speech in front of the group."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "participant"], name="volunteer_once")
        ]


class SpeakerDraw(models.Model):
    """How a group's speakers were chosen: volunteers first, the rest drawn at random.

    The seed and the candidates are kept, so `draw.draw(candidates, count, seed)` gives
    the same speakers again.
    """

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    chosen = models.JSONField(
        default=list, help_text="ids of the volunteers the leader picked, in order"
    )
    candidates = models.JSONField(default=list, help_text="ids the random places were drawn from")
    seed = models.PositiveBigIntegerField()
    drawn = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Speaker(models.Model):
    draw = models.ForeignKey(SpeakerDraw, on_delete=models.CASCADE, related_name="speakers")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField()
    volunteered = models.BooleanField(default=False)
    called_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["draw", "order"]
        constraints = [models.UniqueConstraint(fields=["draw", "order"], name="speaker_order_once")]


class SpeechFeedback(models.Model):
    """What worked and one suggestion, for a speaker; read by that speaker only."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="+")
    speaker = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="feedback_received"
    )
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="feedback_given")
    worked = models.TextField(_("What worked"), blank=True, max_length=MAX_FEEDBACK)
    suggestion = models.TextField(_("One suggestion"), blank=True, max_length=MAX_FEEDBACK)
    key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["author", "key"], name="feedback_once_per_key")
        ]


class ActionPlan(models.Model):
    """One saved version of a person's action plan; the newest is their plan."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="action_plans")
    key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["author", "key"], name="plan_once_per_key")]


class ActionStep(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    what = models.CharField(_("What"), max_length=MAX_STEP_WHAT)
    with_whom = models.CharField(_("With whom"), max_length=MAX_STEP_WHO)
    by_when = models.DateField(_("By when"))

    class Meta:
        ordering = ["plan", "position"]
