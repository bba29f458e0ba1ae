from django import forms
from django.utils.translation import gettext_lazy as _

from program.poll.ballots import Ballot


class VoteForm(forms.Form):
    """A phone's vote: one option (single choice) or one or more (multiple choice)."""

    option = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={
            "required": _("Choose an option first."),
            "invalid_choice": _("That is not one of the options. Reload the page and vote again."),
        },
    )

    def __init__(self, *args, ballot: Ballot, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.ballot = ballot
        self.fields["option"].choices = [
            (str(option.index), option.text) for option in ballot.options
        ]

    def clean_option(self) -> list[int]:
        chosen = self.cleaned_data["option"]
        if len(chosen) > 1 and not self.ballot.multiple:
            raise forms.ValidationError(_("Choose only one option."))
        return chosen


class ControlForm(forms.Form):
    """The facilitator's poll controls; a reset must be confirmed (it deletes every vote)."""

    action = forms.ChoiceField(
        choices=[(action, action) for action in ("open", "close", "show", "hide", "reset")]
    )
    confirm = forms.BooleanField(required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") == "reset" and not data.get("confirm"):
            raise forms.ValidationError(_("Tick the box to confirm that every vote is deleted."))
        return data
