"""What every participant submission shares: an idempotency key and a pace limit.

Phone forms carry a key made when the form is rendered; a retried POST (flaky Wi-Fi,
a replayed request) carries the same key and gets the first result back instead of a
second row. Models keep the key in a field with a unique constraint per author.
"""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from seminar.failopen_cache import hit

# At most this many submissions per person per window (a burst of double taps passes).
PACE_LIMIT = 20
PACE_WINDOW_SECONDS = 60


class TooFast(Exception):
    """The person sent more submissions in a short time than anyone types."""


def new_key() -> uuid.UUID:
    return uuid.uuid4()


class SubmissionForm(forms.Form):
    """Base for phone forms: the hidden key that makes a retried send harmless."""

    key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("The form is out of date. Reload the page and send again."),
            "invalid": _("The form is out of date. Reload the page and send again."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("key", new_key())


def check_pace(participant_id: int, what: str) -> None:
    """Count a submission; raise TooFast past the limit for the window."""
    if hit(f"pace:{what}:{participant_id}", PACE_WINDOW_SECONDS) > PACE_LIMIT:
        raise TooFast
