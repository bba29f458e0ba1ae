from django import forms
from django.utils.translation import gettext_lazy as _

from groups.models import Group
from program.models import TableCard, TableTalkShow
from program.models.tabletalk import MAX_CARD
from seminar.idfields import IdChoiceField
from seminar.submissions import SubmissionForm


class CardForm(SubmissionForm):
    kind = forms.ChoiceField(
        label=_("Kind of card"),
        choices=TableCard.Kind.choices,
        widget=forms.RadioSelect,
        initial=TableCard.Kind.POSSIBILITY,
        error_messages={"required": _("Choose possibility or challenge.")},
    )
    text = forms.CharField(
        label=_("Your card"),
        max_length=MAX_CARD,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Write your card first."),
            "max_length": _("Keep it under %(limit_value)d characters (now %(show_value)d)."),
        },
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write your card first."))
        return text


class ShowForm(forms.Form):
    mode = forms.ChoiceField(choices=TableTalkShow.Mode.choices, required=False)
    group = IdChoiceField(queryset=Group.objects.none(), required=False)

    def __init__(self, *args, item, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = Group.objects.filter(
            round__grouping_id=item.grouping_id, round__number=item.round_number
        )


class CardActionForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", "hide"), ("show", "show")])
