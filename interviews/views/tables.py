"""At the tables: a member adds a red thread or a difference to their table's cards."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groups import selectors as group_selectors
from interviews import services
from interviews.forms import CardForm
from program.models import AgendaItem
from seminar import access
from seminar.http import HtmxHttpRequest
from seminar.models import Seminar
from seminar.submissions import TooFast


@require_POST
def add_card(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    seminar = get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    if participant is None:
        return render(request, "seminar/not_allowed.html", {"seminar": seminar}, status=403)
    item = get_object_or_404(AgendaItem.objects.select_related("day"), pk=item_id, day__seminar=seminar)
    form = CardForm(request.POST)
    sent, status = False, 200
    if form.is_valid():
        try:
            services.add_card(item=item, author=participant, kind=form.cleaned_data["kind"],
                              text=form.cleaned_data["text"], key=form.cleaned_data["key"])
            form, sent = CardForm(), True
        except services.NotOpen:
            form.add_error(None, _("Cards are not being taken here: you are not at a table for this item."))
            status = 409
        except TooFast:
            form.add_error(None, _("That was a lot of cards at once. Wait a minute and send again."))
            status = 429
    else:
        status = 400
    if sent and not request.htmx:
        response = redirect("program:phone", slug=seminar.slug)
        response.status_code = 303
        return response
    group = group_selectors.group_of(participant.pk, group_selectors.round_for_item(item))
    context = {"form": form, "item": item, "seminar": seminar, "group": group, "sent": sent}
    return render(request, "interviews/card_panel.html", context, status=status)
