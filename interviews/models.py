"""Citizen interviews (homework), the tables' red threads and differences, plenum picks."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Group
from interviews import privacy
from program.models import AgendaItem
from seminar.models import Participant, Seminar

MAX_WHO = 200
MAX_SAID = 4000
MAX_QUOTES = 2000
MAX_CARD = 300

# The interviewer's tags, in the order the room talks about them.
TAGS = [
    ("interesting", _("interesting")),
    ("surprising", _("surprising")),
    ("confirming", _("confirming")),
    ("strange", _("strange")),
]
TAG_LABELS = dict(TAGS)

# What the privacy check can find, as the interface names it.
IDENTIFYING_LABELS = {
    privacy.CPR: _("a CPR number"),
    privacy.PHONE: _("a phone number"),
    privacy.EMAIL: _("an e-mail address"),
    privacy.ADDRESS: _("a street address"),
}


class InterviewQuerySet(models.QuerySet):
    def visible(self) -> "InterviewQuerySet":
        """What the tables and the projector may see: not hidden, and nothing identifying held
        back."""
        return self.filter(hidden=False).filter(models.Q(identifying="") | models.Q(released=True))

    def tagged(self, tag: str) -> "InterviewQuerySet":
        return self.filter(**{f"tag_{tag}": True}) if tag in TAG_LABELS else self


class Interview(models.Model):
    """One participant's citizen interview for one seminar; the latest text of its revisions."""

    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="interviews")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="interviews")
    who = models.CharField(_("who you interviewed"), max_length=MAX_WHO)
    said = models.TextField(
        _("what they said about working with the municipality"), max_length=MAX_SAID
    )
    quotes = models.TextField(_("quotes"), max_length=MAX_QUOTES, blank=True)
    tag_interesting = models.BooleanField(default=False)
    tag_surprising = models.BooleanField(default=False)
    tag_confirming = models.BooleanField(default=False)
    tag_strange = models.BooleanField(default=False)
    show_name = models.BooleanField(_("my name may be shown in plenum"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    hidden = models.BooleanField(default=False)
    # What the privacy check found at the last save (kinds, space-separated): such an
    # interview is held back from the tables and the projector until its author removes
    # the data or a facilitator releases it.
    identifying = models.CharField(max_length=40, blank=True, default="")
    released = models.BooleanField(default=False)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen interview")
        verbose_name_plural = _("citizen interviews")
        ordering = ["author__name"]
        constraints = [
            models.UniqueConstraint(fields=["seminar", "author"], name="interview_one_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.author}: {self.who[:40]}"

    @property
    def tags(self) -> list[str]:
        return [code for code, _ in TAGS if getattr(self, f"tag_{code}")]

    @property
    def tag_labels(self) -> list[str]:
        return [TAG_LABELS[code] for code in self.tags]

    @property
    def quote_lines(self) -> list[str]:
        return [line.strip() for line in self.quotes.splitlines() if line.strip()]

    @property
    def held_back(self) -> bool:
        return bool(self.identifying) and not self.released

    @property
    def identifying_labels(self) -> list[str]:
        return [
            str(IDENTIFYING_LABELS[kind])
            for kind in self.identifying.split()
            if kind in IDENTIFYING_LABELS
        ]

    @property
    def shown_name(self) -> str:
        """The interviewer's name for the room: only when they agreed."""
        return self.author.name if self.show_name else ""


class InterviewRevision(models.Model):
    """Every saved text of an interview, kept: nothing typed is ever lost.

    The key is the form's idempotency key; a retried save finds its revision here.
    """

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="revisions")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    key = models.UUIDField()
    version = models.PositiveIntegerField()
    who = models.CharField(max_length=MAX_WHO)
    said = models.TextField()
    quotes = models.TextField(blank=True)
    tags = models.CharField(max_length=60, blank=True)
    show_name = models.BooleanField(default=False)
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["interview", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "key"], name="interview_revision_once_per_key"
            ),
            models.UniqueConstraint(
                fields=["interview", "version"], name="interview_revision_unique_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.interview} v{self.version}"


class TableCard(models.Model):
    """A red thread or a difference one table found in its members' interviews."""

    class Kind(models.TextChoices):
        THREAD = "thread", _("Red thread")
        DIFFERENCE = "difference", _("Difference")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="interview_cards")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="interview_cards")
    author = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="interview_cards"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.THREAD)
    text = models.CharField(_("text"), max_length=MAX_CARD)
    key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)
    hidden = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["author", "key"], name="interview_card_once_per_key")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Pick(models.Model):
    """An interview the facilitator chose for a plenum, under one of the tags; one at a time on
    screen."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="interview_picks")
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="picks")
    tag = models.CharField(max_length=12, choices=TAGS, blank=True)
    on_screen = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "interview"], name="interview_picked_once"),
            models.UniqueConstraint(
                fields=["item"],
                condition=models.Q(on_screen=True),
                name="interview_one_pick_on_screen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.interview}"

    @property
    def tag_label(self) -> str:
        return TAG_LABELS.get(self.tag, "")
