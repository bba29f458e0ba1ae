from django import forms
from django.utils.translation import gettext_lazy as _

from seminar.models import CODE_LENGTH


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Your personal code"), max_length=20,
        help_text=_("%(length)d letters and digits, printed on your name card.") % {"length": CODE_LENGTH},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false", "inputmode": "text"}),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).upper()
