"""Co-creation cases (homework), the big group's poster, its picked case and its analysis."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Group
from program.models import AgendaItem
from seminar.department_word import department_word
from seminar.models import Participant, Seminar

MAX_TITLE = 200
MAX_TEXT = 3000
MAX_NOTE = 280

PARTNERS = [
    ("citizens", _("Citizens")),
    ("associations", _("Associations")),
    ("businesses", _("Businesses")),
    ("departments", _("Other departments")),
]


def partners_of(seminar) -> list[tuple[str, str]]:
    """PARTNERS in the seminar's own word for a department (seminar.department_word)."""
    word = department_word(seminar)
    if not word.own:
        return [(key, str(label)) for key, label in PARTNERS]
    other = _("Other %(departments)s") % {"departments": word.many}
    return [(key, other if key == "departments" else str(label)) for key, label in PARTNERS]


class Case(models.Model):
    """A participant's own co-creation case: one per participant, edited with a version check."""

    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="cocreation_cases")
    author = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="cocreation_case"
    )
    title = models.CharField(_("title"), max_length=MAX_TITLE)
    what_happened = models.TextField(_("what happened"), max_length=MAX_TEXT)
    partners = models.JSONField(_("who took part"), default=list, blank=True)
    partners_other = models.CharField(_("others who took part"), max_length=MAX_TITLE, blank=True)
    achieved = models.TextField(_("what it achieved"), max_length=MAX_TEXT, blank=True)
    themes = models.TextField(_("main themes"), max_length=MAX_TEXT, blank=True)
    version = models.PositiveIntegerField(default=1)
    key = models.UUIDField(help_text="the key of the last save, so that a retried save is harmless")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["author__name"]

    def __str__(self) -> str:
        return self.title

    @property
    def partner_labels(self) -> list[str]:
        labels = dict(partners_of(self.seminar))
        return [str(labels[key]) for key in self.partners if key in labels]


class PosterNote(models.Model):
    """A theme or best practice on a big group's shared poster."""

    class Kind(models.TextChoices):
        THEME = "theme", _("Theme")
        PRACTICE = "practice", _("Best practice")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="poster_notes")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="poster_notes")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="poster_notes")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=MAX_NOTE)
    key = models.UUIDField()
    hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["author", "key"], name="posternote_once_per_key")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class CasePick(models.Model):
    """The case a big group picked for the plenum analysis."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="case_picks")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="case_picks")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="picks")
    picked_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "group"], name="casepick_one_per_group")
        ]


class CaseAnalysis(models.Model):
    """The plenum's analysis of a picked case, typed by a facilitator."""

    pick = models.OneToOneField(CasePick, on_delete=models.CASCADE, related_name="analysis")
    case = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="the case analysed: a new pick of another case starts afresh",
    )
    went_well = models.TextField(_("what went well"), max_length=MAX_TEXT, blank=True)
    could_be_better = models.TextField(_("what could be better"), max_length=MAX_TEXT, blank=True)
    how = models.TextField(_("how"), max_length=MAX_TEXT, blank=True)
    version = models.PositiveIntegerField(default=1)
    key = models.UUIDField()
    updated_at = models.DateTimeField(auto_now=True)


class Takeaway(models.Model):
    """What one member takes back to their own case: private to its author."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="takeaways")
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="takeaways")
    text = models.TextField(_("what I take back to my case"), max_length=MAX_TEXT)
    version = models.PositiveIntegerField(default=1)
    key = models.UUIDField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "author"], name="takeaway_one_per_person")
        ]
