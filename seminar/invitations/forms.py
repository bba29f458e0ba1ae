import secrets

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

TOKEN = r"^[A-Za-z0-9_-]{16,64}$"


def new_click_token() -> str:
    return secrets.token_urlsafe(18)


class MailingForm(forms.Form):
    """One click: who gets the mail, in which language, and the form's one-time token."""

    token = forms.RegexField(regex=TOKEN, widget=forms.HiddenInput)
    language = forms.ChoiceField(label=_("Language of the mail"), choices=settings.LANGUAGES,
                                 initial=settings.LANGUAGE_CODE)
    people = forms.ModelMultipleChoiceField(
        label=_("Recipients"), queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one person.")})

    def __init__(self, *args, candidates: models.QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = candidates


class PreviewForm(forms.Form):
    person = forms.ModelChoiceField(queryset=None, required=False)
    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)

    def __init__(self, *args, candidates: models.QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = candidates
