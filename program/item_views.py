"""The facilitator edits an item's texts (the surprise's included) on a page of their own."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from program import services
from program.forms import ItemTextsForm
from program.models import AgendaItem
from seminar import access
from seminar.http import HtmxHttpRequest, see_other
from seminar.models import Seminar


@require_http_methods(["GET", "POST"])
@access.facilitator_required
def edit_item(request: HtmxHttpRequest, seminar: Seminar, item_id: int):
    item = get_object_or_404(
        AgendaItem.objects.select_related("day__seminar"), pk=item_id, day__seminar=seminar
    )
    form = ItemTextsForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        services.edit_item(
            item=item, changes={name: form.cleaned_data[name] for name in form.changed_data}
        )
        messages.success(request, _("Saved: %(title)s.") % {"title": item.title})
        return see_other("program:run", slug=seminar.slug)
    return render(
        request,
        "program/item_edit.html",
        {"seminar": seminar, "item": item, "form": form},
        status=400 if form.errors else 200,
    )
