"""The core every app depends on: the seminar, its departments and participants."""

import secrets

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from seminar.bilingual import Bilingual
from seminar.department_word import DepartmentWord, department_word

# Short codes avoid letters and digits that are easy to confuse (0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
# A seminar's own colour, as the program file gives it: six hex digits, nothing a stylesheet
# could misread.
COLOUR = r"^#[0-9a-fA-F]{6}$"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Seminar(Bilingual, models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        blank=True,
        validators=[RegexValidator(COLOUR, _("Give a colour as # and six hex digits."))],
    )
    # Who answers for the data (the municipality), named on the participants' privacy page.
    data_controller = models.CharField(_("data controller"), max_length=200, blank=True)
    # English variants, shown on English screens when filled (seminar.bilingual).
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    # The seminar's own words, from the program file ([seminar] in docs/program-format.md);
    # empty means the neutral wording ("the goal", no year).
    goal_year = models.CharField(_("year the goals aim at"), max_length=20, blank=True)
    # Homework task keys (program.homework) this seminar asks for; empty: the tasks its
    # program's items use.
    homework = models.JSONField(_("homework"), default=list, blank=True)
    # The seminar's word for a department and its plural (seminar.department_word); empty: the
    # neutral "department"/"afdeling".
    department_word = models.CharField(_("word for a department"), max_length=40, blank=True)
    department_words = models.CharField(_("word for departments"), max_length=40, blank=True)
    department_word_en = models.CharField(
        _("word for a department (English)"), max_length=40, blank=True
    )
    department_words_en = models.CharField(
        _("word for departments (English)"), max_length=40, blank=True
    )
    # The accounts that run this seminar (seminar.access.facilitates); superusers run every one.
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="facilitated_seminars",
        verbose_name=_("facilitators"),
    )
    display_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # Raised when the display link is renewed: a projector bound with an older version no
    # longer counts (its session stores the version it was bound with).
    display_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("seminar")
        verbose_name_plural = _("seminars")
        permissions = [("facilitate", _("Can run seminars as a facilitator"))]

    def __str__(self) -> str:
        return self.title

    @property
    def department_terms(self) -> DepartmentWord:
        """Its word for a department in the active language (seminar.department_word)."""
        return department_word(self)


class Department(models.Model):
    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["seminar", "name"], name="department_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


# What the room reads where an erased participant's name was (translated when shown).
FORMER_PARTICIPANT = _("a former participant")


class ErasableNameField(models.CharField):
    """A participant's name; empty once the person is erased, and then read as "a former
    participant".

    Names are required everywhere a person is added, so an empty one means erased only; the
    group's shared work keeps its author row and shows the translated placeholder.
    """

    def from_db_value(self, value, expression, connection):
        return FORMER_PARTICIPANT if value == "" else value

    def get_prep_value(self, value):
        return "" if value is FORMER_PARTICIPANT else super().get_prep_value(value)


class ParticipantQuerySet(models.QuerySet):
    def present(self) -> "ParticipantQuerySet":
        return self.filter(present=True)


class Participant(models.Model):
    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("Participant")
        PROCESS_LEADER = "process_leader", _("Process leader")
        MANAGEMENT = "management", _("Management")

    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="participants")
    name = ErasableNameField(_("name"), max_length=120)
    department = models.ForeignKey(
        # RESTRICT, not PROTECT: a department with people cannot be deleted on its own, but a
        # seminar (which cascades to both) can.
        Department,
        on_delete=models.RESTRICT,
        related_name="participants",
        verbose_name=_("department"),
    )
    title = models.CharField(_("job title"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # The organiser's own id for the person (a roster's `id` column): a re-import updates them.
    roster_id = models.CharField(_("roster id"), max_length=60, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT
    )
    present = models.BooleanField(_("present"), default=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    code = models.CharField(
        _("personal code"), max_length=CODE_LENGTH, default=new_code, editable=False
    )
    # Raised when the link and code are renewed or revoked: a phone bound with an older
    # version no longer counts. Revoked: neither the link nor the code lets anyone in.
    access_version = models.PositiveIntegerField(default=1, editable=False)
    access_revoked = models.BooleanField(_("access revoked"), default=False, editable=False)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True, editable=False)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["seminar", "code"], name="participant_unique_code"),
            models.UniqueConstraint(
                fields=["seminar", "email"],
                condition=~models.Q(email=""),
                name="participant_unique_email",
            ),
        ]

    def __str__(self) -> str:
        return str(self.name)


class ScreenCount(models.Model):
    """Presence bookkeeping: connected screens per worker process, summed across workers.

    Each daphne worker keeps its own row per seminar and role and refreshes it while it
    lives; rows not refreshed recently belong to dead workers and are not counted.
    """

    seminar = models.ForeignKey(Seminar, on_delete=models.CASCADE, related_name="+")
    worker = models.CharField(max_length=64)
    role = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["seminar", "worker", "role"], name="screencount_unique")
        ]


# The e-mail models live beside their code (seminar/invitations/); imported here so they
# belong to this app.
from seminar.invitations.models import Delivery, Mailing  # noqa: E402, F401
