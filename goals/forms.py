"""Form parts the goals app's activities share: the version a save was made on, text fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from seminar.submissions import SubmissionForm

TOO_LONG = _("Keep it under %(limit_value)d characters (now %(show_value)d).")


def text_field(
    label, limit: int, *, required: bool = True, rows: int = 3, missing=None
) -> forms.CharField:
    """A stripped text field with our messages; rows=0 makes a one-line input."""
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        max_length=limit,
        required=required,
        widget=widget,
        strip=True,
        error_messages={
            "required": missing or _("Write something here first."),
            "max_length": TOO_LONG,
        },
    )


class VersionedForm(SubmissionForm):
    """A phone form that edits a stored text: it carries the version it was read at."""

    version = forms.IntegerField(
        min_value=0,
        widget=forms.HiddenInput,
        error_messages={
            "required": _("The form is out of date. Reload the page and send again."),
            "invalid": _("The form is out of date. Reload the page and send again."),
        },
    )

    def __init__(self, *args, version: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("version", version)


def draft_of(form, names: list[str]) -> list[tuple[str, str]]:
    """The refused text, as (label, text) pairs, so that nothing the person typed is lost."""
    pairs = []
    for name in names:
        value = form.cleaned_data.get(name)
        if isinstance(value, list):
            labels = dict(form.fields[name].choices)
            value = ", ".join(str(labels.get(v, v)) for v in value)
        if value:
            pairs.append((str(form[name].label), str(value)))
    return pairs
