"""Phones send cards to their table; facilitators choose what the projector shows and hide cards."""

from django.http import HttpResponse
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from program.models import AgendaItem, TableCard
from program.phone_posts import Refusal, submit_to_item
from program.tabletalk import services
from program.tabletalk.forms import CardActionForm, CardForm, ShowForm
from seminar import access
from seminar.http import HtmxHttpRequest
from seminar.models import Seminar
from seminar.submissions import TooFast

PANEL = "program/tabletalk/panel.html"


def _done(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    if request.htmx:
        return HttpResponse(status=204)
    response = redirect("program:run", slug=seminar.slug)
    response.status_code = 303
    return response


@require_POST
def submit(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    def save(item, participant, data) -> None:
        services.submit_card(item=item, author=participant, kind=data["kind"], text=data["text"],
                             key=data["key"])

    return submit_to_item(
        request, slug, item_id, form_class=CardForm, save=save, template=PANEL,
        # The next card is likely of the same kind.
        fresh=lambda data: CardForm(initial={"kind": data["kind"]}),
        refusals=(
            Refusal(services.NotOpen, _("Cards are not being taken for this item."), 409),
            Refusal(services.NoTable, _("You are not at a table in this round. Ask a facilitator."), 409),
            Refusal(TooFast, _("That was a lot of cards at once. Wait a minute and send again."), 429),
        ))


@require_POST
@access.facilitator_required
def show(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("day"), pk=item_id, day__seminar=seminar)
    form = ShowForm(request.POST, item=item)
    if form.is_valid():
        try:
            services.show_cards(item=item, mode=form.cleaned_data["mode"], group=form.cleaned_data["group"])
        except services.NotOpen:
            pass
    return _done(request, seminar)


@require_POST
@access.facilitator_required
def moderate(request: HtmxHttpRequest, seminar: Seminar, card_id: int) -> HttpResponse:
    card = get_object_or_404(TableCard.objects.select_related("item__day"), pk=card_id, item__day__seminar=seminar)
    form = CardActionForm(request.POST)
    if form.is_valid():
        services.set_card_hidden(card=card, hidden=form.cleaned_data["action"] == "hide")
    if request.htmx and request.POST.get("answer") == "row":  # the complete list is no live page
        card.refresh_from_db()
        return render(request, "program/tabletalk/live.html#row", {"card": card, "seminar": seminar, "page": True})
    return _done(request, seminar)


CARDS_PER_PAGE = 50


@require_GET
@access.facilitator_required
def all_cards(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    """Every card of a table talk, hidden ones included, newest first, a page at a time."""
    item = get_object_or_404(AgendaItem.objects.select_related("day__seminar"), pk=item_id, day__seminar=seminar)
    cards = TableCard.objects.filter(item=item).select_related("author", "group").order_by("-pk")
    page = Paginator(cards, CARDS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "program/tabletalk/all.html", {"item": item, "seminar": seminar, "page": page})
