"""Phones send cards to their table; facilitators choose what the projector shows and hide cards."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from program.models import AgendaItem, TableCard
from program.phone_posts import phone_item
from program.tabletalk import services
from program.tabletalk.forms import CardActionForm, CardForm, ShowForm
from seminar import access
from seminar.http import HtmxHttpRequest, answer, refusable
from seminar.models import Seminar
from seminar.submissions import TooFast

PANEL = "program/tabletalk/panel.html"


@require_POST
@refusable
def submit(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    item, participant = phone_item(request, slug, item_id)
    form, sent, status = CardForm(request.POST), False, 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_card(
                item=item, author=participant, kind=data["kind"], text=data["text"], key=data["key"]
            )
            # The next card is likely of the same kind.
            form, sent, status = CardForm(initial={"kind": data["kind"]}), True, 200
        except services.NotOpen:
            form.add_error(None, _("Cards are not being taken for this item."))
            status = 409
        except services.NoTable:
            form.add_error(None, _("You are not at a table in this round. Ask a facilitator."))
            status = 409
        except TooFast:
            form.add_error(
                None, _("That was a lot of cards at once. Wait a minute and send again.")
            )
            status = 429
    context = {"form": form, "item": item, "seminar": item.day.seminar, "sent": sent}
    return answer(
        request,
        "program:phone",
        item.day.seminar.slug,
        partial=PANEL,
        page=PANEL,
        context=context,
        status=status,
    )


@require_POST
@access.facilitator_required
def show(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    item = get_object_or_404(
        AgendaItem.objects.select_related("day"), pk=item_id, day__seminar=seminar
    )
    form = ShowForm(request.POST, item=item)
    if form.is_valid():
        try:
            services.show_cards(
                item=item, mode=form.cleaned_data["mode"], group=form.cleaned_data["group"]
            )
        except services.NotOpen:
            pass
    return answer(request, "program:run", seminar.slug)


@require_POST
@access.facilitator_required
def moderate(request: HtmxHttpRequest, seminar: Seminar, card_id: int) -> HttpResponse:
    card = get_object_or_404(
        TableCard.objects.select_related("item__day"), pk=card_id, item__day__seminar=seminar
    )
    form = CardActionForm(request.POST)
    if form.is_valid():
        services.set_card_hidden(card=card, hidden=form.cleaned_data["action"] == "hide")
    if request.POST.get("answer") == "row":  # the complete list is no live page
        card.refresh_from_db()
        return answer(
            request,
            "program:run",
            seminar.slug,
            partial="program/tabletalk/live.html#row",
            context={"card": card, "seminar": seminar, "page": True},
        )
    return answer(request, "program:run", seminar.slug)


CARDS_PER_PAGE = 50


@require_GET
@access.facilitator_required
def all_cards(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    """Every card of a table talk, hidden ones included, newest first, a page at a time."""
    item = get_object_or_404(
        AgendaItem.objects.select_related("day__seminar"), pk=item_id, day__seminar=seminar
    )
    cards = TableCard.objects.filter(item=item).select_related("author", "group").order_by("-pk")
    page = Paginator(cards, CARDS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "program/tabletalk/all.html", {"item": item, "seminar": seminar, "page": page}
    )
