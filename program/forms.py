"""Forms for the facilitator's controls. Each one validates before a service runs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from program.models import AgendaItem, LiveState
from program.services import MAX_SHIFT_MINUTES
from seminar.idfields import IdChoiceField
from seminar.models import Seminar


class VersionedForm(forms.Form):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class StepForm(VersionedForm):
    direction = forms.ChoiceField(choices=[("next", _("Next")), ("back", _("Back"))])


class SeminarItemField(IdChoiceField):
    def label_from_instance(self, obj: AgendaItem) -> str:
        return obj.title


class JumpForm(VersionedForm):
    item = SeminarItemField(queryset=AgendaItem.objects.none())

    def __init__(self, *args, seminar: Seminar, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = AgendaItem.objects.filter(day__seminar=seminar)


class TimerForm(VersionedForm):
    action = forms.ChoiceField(
        choices=[("start", _("Start")), ("pause", _("Pause")), ("add", _("Add"))]
    )
    minutes = forms.IntegerField(min_value=-60, max_value=60, required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") == "add" and not data.get("minutes"):
            self.add_error("minutes", _("Say how many minutes to add."))
        return data


class ShiftForm(forms.Form):
    minutes = forms.IntegerField(
        label=_("Minutes"),
        min_value=-MAX_SHIFT_MINUTES,
        max_value=MAX_SHIFT_MINUTES,
        help_text=_("Positive moves the rest of the day later, negative earlier."),
    )
    confirm = forms.BooleanField(
        label=_("Yes, move every later item of today"),
        required=True,
        error_messages={"required": _("Tick the box to confirm the move.")},
    )

    def clean_minutes(self) -> int:
        minutes = self.cleaned_data["minutes"]
        if minutes == 0:
            raise forms.ValidationError(_("Moving by 0 minutes changes nothing."))
        return minutes


class ProjectorForm(forms.Form):
    mode = forms.ChoiceField(choices=LiveState.Projector.choices)
    message = forms.CharField(label=_("Message"), max_length=300, required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("mode") == LiveState.Projector.MESSAGE and not data.get("message", "").strip():
            self.add_error("message", _("Write the message to show."))
        return data


class RevealForm(forms.Form):
    item = SeminarItemField(queryset=AgendaItem.objects.none())

    def __init__(self, *args, seminar: Seminar, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = AgendaItem.objects.filter(day__seminar=seminar, secret=True)


class ItemTextsForm(forms.ModelForm):
    """An item's texts, edited on the facilitator's own page (no admin needed)."""

    class Meta:
        model = AgendaItem
        fields = ["title", "text", "notes", "leads", "place", "returns_at"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "notes": forms.Textarea(attrs={"rows": 6}),
            # A time input takes an ISO time whatever the language.
            "returns_at": forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
        }
