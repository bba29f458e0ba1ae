from django import forms
from django.utils.translation import gettext_lazy as _

from program.models import AgendaItem, Reaction
from program.models.vernissage import MAX_CLOSING, MAX_COMMENT
from seminar.idfields import IdChoiceField
from seminar.submissions import SubmissionForm


class _AtItem(forms.Form):
    item = IdChoiceField(queryset=AgendaItem.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args, seminar, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = AgendaItem.objects.filter(
            day__seminar=seminar, kind="vernissage"
        )


class ReactForm(_AtItem):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


class CommentForm(SubmissionForm, _AtItem):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT,
        error_messages={
            "required": _("Write your comment first."),
            "max_length": _("Keep it under %(limit_value)d characters (now %(show_value)d)."),
        },
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write your comment first."))
        return text


class ClosingForm(forms.Form):
    text = forms.CharField(
        label=_("Closing remarks: what did you see and hear?"),
        max_length=MAX_CLOSING,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    action = forms.ChoiceField(choices=[("show", "show"), ("hide", "hide")])


class CommentActionForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", "hide"), ("show", "show")])
