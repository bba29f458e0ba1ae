from django import forms
from django.utils.translation import gettext_lazy as _

from program.models.questions import MAX_QUESTION
from seminar.submissions import SubmissionForm


class AskForm(SubmissionForm):
    text = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write your question first."),
            "max_length": _("Keep it under %(limit_value)d characters (now %(show_value)d)."),
        },
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous to the room (the facilitators still see my name)"), required=False
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write your question first."))
        return text


class QuestionActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("feature", "feature"),
            ("answered", "answered"),
            ("hide", "hide"),
            ("show", "show"),
        ]
    )
