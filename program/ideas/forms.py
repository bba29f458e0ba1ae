from django import forms
from django.utils.translation import gettext_lazy as _

from program.models.ideas import MAX_IDEA
from seminar.submissions import SubmissionForm


class IdeaForm(SubmissionForm):
    text = forms.CharField(
        label=_("Your idea"),
        max_length=MAX_IDEA,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write your idea first."),
            "max_length": _("Keep it under %(limit_value)d characters (now %(show_value)d)."),
        },
    )
    # Checked by content, re-encoded and stored by seminar.photos; the field only carries the file.
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        error_messages={"empty": _("The photo arrived empty. Take it again.")},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write your idea first."))
        return text


class IdeaActionForm(forms.Form):
    action = forms.ChoiceField(choices=[("feature", "feature"), ("hide", "hide"), ("show", "show")])


class WallForm(forms.Form):
    action = forms.ChoiceField(choices=[("pause", "pause"), ("resume", "resume")])
