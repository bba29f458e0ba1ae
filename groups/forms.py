from django import forms
from django.utils.translation import gettext_lazy as _

from groups.models import Group, Round
from seminar.idfields import IdChoiceField
from seminar.models import Participant


class MoveForm(forms.Form):
    participant = IdChoiceField(queryset=Participant.objects.none(), label=_("Person"))
    group = IdChoiceField(queryset=Group.objects.none(), label=_("To group"))

    def __init__(self, *args, round_: Round, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = Participant.objects.filter(
            seminar=round_.grouping.seminar
        )
        self.fields["group"].queryset = round_.groups.all()
