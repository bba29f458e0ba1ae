from django import forms
from django.utils.translation import gettext_lazy as _

from goals.forms import VersionedForm, text_field
from goals.models.commitments import MAX_AUDIENCE, MAX_COMMITMENT_TEXT, MAX_MESSAGE

MESSAGE_ROWS = 4


class CommitmentForm(VersionedForm):
    agreements = text_field(
        _("Which agreements did I make?"), MAX_COMMITMENT_TEXT, required=False, rows=3
    )
    monday = text_field(
        _("What do I do on Monday back at the office?"),
        MAX_COMMITMENT_TEXT,
        rows=3,
        missing=_("Write what you will do on Monday."),
    )
    share_monday = forms.BooleanField(
        label=_("Share my Monday action with the room (without my name)"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, MESSAGE_ROWS + 1):
            self.fields[f"message_{number}"] = text_field(
                _("Message %(number)d") % {"number": number}, MAX_MESSAGE, required=False, rows=2
            )
            self.fields[f"audience_{number}"] = text_field(
                _("To whom (message %(number)d)") % {"number": number},
                MAX_AUDIENCE,
                required=False,
                rows=0,
            )

    def clean(self) -> dict:
        data = super().clean()
        for number in range(1, MESSAGE_ROWS + 1):
            message, audience = data.get(f"message_{number}"), data.get(f"audience_{number}")
            if message and not audience:
                self.add_error(f"audience_{number}", _("Say to whom you give this message."))
            if audience and not message:
                self.add_error(
                    f"message_{number}",
                    _("Write the message for %(audience)s.") % {"audience": audience},
                )
        return data

    def message_pairs(self) -> list[tuple[str, str]]:
        pairs = [
            (self.cleaned_data.get(f"message_{n}"), self.cleaned_data.get(f"audience_{n}"))
            for n in range(1, MESSAGE_ROWS + 1)
        ]
        return [(message, audience) for message, audience in pairs if message and audience]

    def rows(self) -> list[tuple]:
        return [(self[f"message_{n}"], self[f"audience_{n}"]) for n in range(1, MESSAGE_ROWS + 1)]

    @classmethod
    def for_commitment(cls, commitment) -> "CommitmentForm":
        if commitment is None:
            return cls()
        initial = {
            "agreements": commitment.agreements,
            "monday": commitment.monday,
            "share_monday": commitment.share_monday,
        }
        for number, row in enumerate(commitment.messages.all(), start=1):
            initial[f"message_{number}"], initial[f"audience_{number}"] = row.message, row.audience
        return cls(version=commitment.version, initial=initial)


class ManagementForm(VersionedForm):
    # Shown on the same phone panel as the leader's own commitment form: its own ids and names.
    prefix = "management"

    text = text_field(
        _("Management's message"),
        MAX_COMMITMENT_TEXT,
        rows=4,
        missing=_("Write management's message first."),
    )


class HideForm(forms.Form):
    hidden = forms.BooleanField(required=False)
