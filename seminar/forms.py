from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from seminar.models import CODE_LENGTH

MAX_ROSTER_BYTES = 2 * 1024 * 1024


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Your personal code"),
        max_length=20,
        help_text=_("%(length)d letters and digits, printed on your name card.")
        % {"length": CODE_LENGTH},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "inputmode": "text",
            }
        ),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper()


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Roster file (CSV or Excel)"),
        help_text=_(
            "Columns, in Danish or English: navn/name, afdeling/department, stilling/title, "
            "e-mail/email, rolle/role (deltager, procesleder, ledelse), id. "
            "CSV (UTF-8 or Excel's semicolon file) or Excel (.xlsx)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ROSTER_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload


class PresenceForm(forms.Form):
    present = forms.TypedChoiceField(
        choices=[("1", _("Present")), ("0", _("Absent"))], coerce=lambda v: v == "1"
    )


class ThrottledAuthenticationForm(AuthenticationForm):
    """The login form; `locked` (set by the view from the failure counters) refuses before
    the password is even checked."""

    locked = False

    def clean(self):
        if self.locked:
            minutes = max(1, settings.LOGIN_WINDOW_SECONDS // 60)
            raise forms.ValidationError(
                _("Too many failed logins. Try again in %(minutes)d minutes at the latest."),
                code="throttled",
                params={"minutes": minutes},
            )
        return super().clean()
