from django import forms
from django.utils.translation import gettext_lazy as _

from program.models import AgendaItem
from program.models.soapbox import (
    MAX_DRAFT_PART,
    MAX_FEEDBACK,
    MAX_STEP_WHAT,
    MAX_STEP_WHO,
    SpeechDraft,
)
from program.soapbox import selectors
from program.soapbox.writing import MAX_STEPS
from seminar.idfields import IdsChoiceField
from seminar.models import Participant
from seminar.submissions import SubmissionForm

TOO_LONG = _("Keep it under %(limit_value)d characters (now %(show_value)d).")
PROMPTS = {
    "message": _("What is your message?"),
    "reason": _("Why does it matter?"),
    "strengths": _("What are its strengths and its challenges?"),
    "actions": _("How do we put it into practice?"),
    "consequences": _("What are the consequences for implementation?"),
}


class DraftForm(forms.Form):
    """The five parts of a speech, saved as they are typed, with the version the phone last saw."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in SpeechDraft.PARTS:
            self.fields[name] = forms.CharField(
                label=PROMPTS[name],
                required=False,
                strip=False,
                max_length=MAX_DRAFT_PART,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"max_length": TOO_LONG},
            )

    def parts(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in SpeechDraft.PARTS}


class VolunteerForm(forms.Form):
    volunteer = forms.TypedChoiceField(
        choices=[("yes", "yes"), ("no", "no")], coerce=lambda value: value == "yes"
    )


class FeedbackForm(SubmissionForm):
    worked = forms.CharField(
        label=_("What worked?"),
        required=False,
        max_length=MAX_FEEDBACK,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": TOO_LONG},
    )
    suggestion = forms.CharField(
        label=_("One suggestion"),
        required=False,
        max_length=MAX_FEEDBACK,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": TOO_LONG},
    )

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("worked") or data.get("suggestion")) and not self.errors:
            raise forms.ValidationError(_("Write what worked, a suggestion, or both."))
        return data


class StepForm(forms.Form):
    what = forms.CharField(
        label=_("What"),
        max_length=MAX_STEP_WHAT,
        error_messages={"required": _("Say what the step is."), "max_length": TOO_LONG},
    )
    with_whom = forms.CharField(
        label=_("With whom"),
        max_length=MAX_STEP_WHO,
        error_messages={"required": _("Say who you do it with."), "max_length": TOO_LONG},
    )
    # A date input takes an ISO date whatever the language; a localised one shows as empty.
    by_when = forms.DateField(
        label=_("By when"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"required": _("Give a date."), "invalid": _("Give a date.")},
    )

    def __init__(self, *args, earliest=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.earliest = earliest

    def clean_by_when(self):
        when = self.cleaned_data["by_when"]
        if self.earliest and when < self.earliest:
            raise forms.ValidationError(_("Pick a date after the seminar."))
        return when


StepFormSet = forms.formset_factory(
    StepForm,
    extra=3,
    max_num=MAX_STEPS,
    absolute_max=MAX_STEPS,
    validate_max=True,
    min_num=1,
    validate_min=True,
)


class PlanForm(SubmissionForm):
    """The action plan's idempotency key; its steps are a `StepFormSet` with the prefix "steps"."""


class LeadForm(forms.Form):
    """A process leader's (or a facilitator's) action on one group, taken on the version they
    saw."""

    ACTIONS = ["next", "back", "start", "pause", "add", "speakers", "call"]

    version = forms.IntegerField(min_value=1)
    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    minutes = forms.IntegerField(required=False, min_value=-30, max_value=30)
    volunteers = IdsChoiceField(
        queryset=Participant.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": _("Someone you ticked is no longer a volunteer. Look again."),
            "invalid_pk_value": _("Someone you ticked is no longer a volunteer. Look again."),
        },
    )

    def __init__(self, *args, item=None, group=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.speakers = selectors.speakers(item) if item is not None else selectors.SPEAKERS
        if item is not None and group is not None:
            allowed = [person.pk for person in selectors.volunteers(item, group)]
            self.fields["volunteers"].queryset = Participant.objects.filter(pk__in=allowed)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") == "add" and data.get("minutes") is None:
            raise forms.ValidationError(_("Say how many minutes."))
        if len(data.get("volunteers") or []) > self.speakers:
            raise forms.ValidationError(
                _("Tick at most %(count)d volunteers.") % {"count": self.speakers}
            )
        return data


class AllGroupsForm(forms.Form):
    phase = forms.ChoiceField()

    def __init__(self, *args, item: AgendaItem, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        phases = selectors.phases(item)
        self.fields["phase"].choices = [(phase.key, phase.label) for phase in phases]
