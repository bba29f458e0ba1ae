"""The facilitator's projector choice, shared by every activity of the goals app."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from goals.kinds import GoalsKind
from goals.models import Showing
from goals.services import clear_projector, show_on_projector
from program import activities
from program.models import AgendaItem
from seminar import access
from seminar.http import HtmxHttpRequest, answer
from seminar.idfields import IdField
from seminar.models import Seminar


class ShowForm(forms.Form):
    what = forms.ChoiceField(choices=Showing.What.choices, required=False)
    ref = IdField(required=False, min_value=1)


@require_POST
@access.facilitator_required
def show(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    """Put one of the item's things on the projector (what="" takes it off again)."""
    item = get_object_or_404(
        AgendaItem.objects.select_related("day"), pk=item_id, day__seminar=seminar
    )
    kind = activities.get(item.kind)
    form = ShowForm(request.POST)
    status = 200
    if not isinstance(kind, GoalsKind) or not form.is_valid():
        status = 400
    elif not form.cleaned_data["what"]:
        clear_projector(item=item)
    elif form.cleaned_data["what"] in kind.projector_choices and kind.valid_ref(
        item, form.cleaned_data["what"], form.cleaned_data["ref"]
    ):
        show_on_projector(item=item, what=form.cleaned_data["what"], ref=form.cleaned_data["ref"])
    else:
        status = 400
    return answer(request, "program:run", seminar.slug, status=status)
