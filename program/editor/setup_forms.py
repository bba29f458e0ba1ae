"""The form that makes a new seminar: its title and address, and what it starts from."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from program.programchecks import MAX_BYTES
from program.programfile import SLUG, ProgramFileError, parse
from seminar.models import Seminar


def problems_text(error: ProgramFileError) -> list[str]:
    return [
        _("Line %(line)d: %(problem)s") % {"line": line, "problem": problem}
        for line, problem in error.problems
    ]


class NewSeminarForm(forms.Form):
    EMPTY, FILE, COPY = "empty", "file", "copy"

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Required, except from a program file, which has its own title."),
    )
    slug = forms.CharField(
        label=_("Short name in the address"),
        max_length=50,
        required=False,
        validators=[
            RegexValidator(SLUG, _("Use only lower-case letters a–z, digits and hyphens."))
        ],
        help_text=_("Shown in every link, e.g. /s/lederseminar-2027/. Empty: made from the title."),
    )
    start = forms.ChoiceField(
        label=_("Start from"),
        widget=forms.RadioSelect,
        initial=EMPTY,
        choices=[
            (EMPTY, _("An empty program")),
            (FILE, _("A program file")),
            (
                COPY,
                _(
                    "A copy of an earlier seminar (its program, departments and settings; "
                    "no participants and nothing they wrote)"
                ),
            ),
        ],
    )
    file = forms.FileField(label=_("Program file (.toml)"), required=False)
    source = forms.ChoiceField(label=_("Seminar to copy"), required=False)

    def __init__(self, *args, seminars, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.seminars = {seminar.slug: seminar for seminar in seminars}
        self.fields["source"].choices = [("", "—")] + [
            (seminar.slug, seminar.title) for seminar in self.seminars.values()
        ]
        self.spec = None

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug and Seminar.objects.filter(slug=slug).exists():
            raise forms.ValidationError(
                _("A seminar already has that name in its address. Choose another.")
            )
        return slug

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload is not None and upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        return upload

    def clean(self) -> dict:
        data = super().clean()
        start = data.get("start")
        if start in (self.EMPTY, self.COPY) and not data.get("title", "").strip():
            self.add_error("title", _("Give the seminar a title."))
        if start == self.COPY and not data.get("source"):
            self.add_error("source", _("Choose the seminar to copy."))
        if start == self.COPY:
            data["source"] = self.seminars.get(data.get("source"))
        if start == self.FILE:
            self._read_file(data)
        return data

    def _read_file(self, data: dict) -> None:
        upload = data.get("file")
        if upload is None:
            if "file" not in self.errors:
                self.add_error("file", _("Choose the program file to start from."))
            return
        try:
            self.spec = parse(upload.read().decode("utf-8"))
        except UnicodeDecodeError:
            self.add_error(
                "file", _("The file is not UTF-8 text. Save it as UTF-8 and upload it again.")
            )
            return
        except ProgramFileError as error:
            self.add_error("file", problems_text(error))
            return
        if data.get("title", "").strip():
            self.spec.title = data["title"].strip()
        if data.get("slug"):
            self.spec.slug = data["slug"]
        elif Seminar.objects.filter(slug=self.spec.slug).exists():
            self.add_error(
                "slug",
                _(
                    "A seminar already has the address name in the file (%(slug)s). "
                    "Choose another here."
                )
                % {"slug": self.spec.slug},
            )
