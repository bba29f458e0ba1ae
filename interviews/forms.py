from django import forms
from django.utils.translation import gettext_lazy as _

from interviews.models import MAX_CARD, MAX_QUOTES, MAX_SAID, MAX_WHO, TAGS, TableCard
from seminar.submissions import SubmissionForm

TOO_LONG = _("Keep it under %(limit_value)d characters (now %(show_value)d).")


class InterviewForm(SubmissionForm):
    """The citizen interview; `version` is the one the text was edited from (0: a first save)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    who = forms.CharField(
        label=_("Who did you interview?"),
        max_length=MAX_WHO,
        help_text=_(
            "Describe them without anything that identifies them, "
            'e.g. "parent of two, uses day care".'
        ),
        error_messages={
            "required": _("Describe who you interviewed (without a name)."),
            "max_length": TOO_LONG,
        },
    )
    said = forms.CharField(
        label=_("What did they say about working with the municipality?"),
        max_length=MAX_SAID,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write what they said first."), "max_length": TOO_LONG},
    )
    quotes = forms.CharField(
        label=_("A few quotes"),
        max_length=MAX_QUOTES,
        required=False,
        help_text=_("One quote per line, in their own words."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG},
    )
    tags = forms.MultipleChoiceField(
        label=_("This interview was"),
        choices=TAGS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    show_name = forms.BooleanField(
        label=_("My name may be shown with the interview in plenum"), required=False
    )

    def _clean_text(self, name: str, message: str) -> str:
        text = self.cleaned_data[name].strip()
        if not text:
            raise forms.ValidationError(message)
        return text

    def clean_who(self) -> str:
        return self._clean_text("who", _("Describe who you interviewed (without a name)."))

    def clean_said(self) -> str:
        return self._clean_text("said", _("Write what they said first."))


class PrivacyCheckForm(forms.Form):
    """The texts the privacy check looks at while someone types (nothing is saved)."""

    who = forms.CharField(required=False, max_length=MAX_WHO * 2)
    said = forms.CharField(required=False, max_length=MAX_SAID * 2)
    quotes = forms.CharField(required=False, max_length=MAX_QUOTES * 2)


class CardForm(SubmissionForm):
    kind = forms.ChoiceField(
        label=_("What did the table find?"),
        choices=TableCard.Kind.choices,
        initial=TableCard.Kind.THREAD,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("In a few words"),
        max_length=MAX_CARD,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write the card's text first."), "max_length": TOO_LONG},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the card's text first."))
        return text


class PickForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(a, a) for a in ("pick", "show", "off", "unpick", "hide", "unhide", "release")]
    )
    tag = forms.ChoiceField(choices=[("", "-"), *TAGS], required=False)


class CardActionForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", "hide"), ("show", "show")])
