"""Phones vote; facilitators open, close, reset and show the results of a poll."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from program.models import AgendaItem
from program.phone_posts import phone_item
from program.poll import ballots, regions, services
from program.poll.forms import ControlForm, VoteForm
from seminar import access
from seminar.http import HtmxHttpRequest, answer, errors_text, refusable
from seminar.models import Seminar
from seminar.submissions import TooFast


def _poll(seminar: Seminar, item_id: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("day__seminar"),
        pk=item_id,
        day__seminar=seminar,
        kind=services.KIND,
    )


def _answer(
    request: HtmxHttpRequest, region, item: AgendaItem, target, error: str, status: int, back: str
) -> HttpResponse:
    """The changed region for htmx (with the error, if any); a plain form post goes back to its
    screen, or on an error gets a page with the region and the error."""
    html = ""
    if request.htmx or error:
        context = {**region.context(item, target), "error": error}
        html = region.render(item, target, request, context=context)
    page = {"seminar": item.day.seminar, "region": html, "back": back}
    return answer(
        request,
        back,
        item.day.seminar.slug,
        html=html,
        page="poll/page.html",
        context=page,
        status=status,
    )


@require_POST
@refusable
def vote(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    item, participant = phone_item(request, slug, item_id, kinds=(services.KIND,))
    form = VoteForm(request.POST, ballot=ballots.ballot(item))
    error, status = "", 200
    if not form.is_valid():
        error, status = " ".join(form.errors["option"]), 400
    else:
        try:
            services.vote(item=item, voter=participant, options=form.cleaned_data["option"])
        except services.NotOpen:
            error, status = _("Voting is closed."), 409
        except services.NotAnOption:
            error, status = (
                _("That is not one of the options. Reload the page and vote again."),
                400,
            )
        except TooFast:
            error, status = _("That was a lot of votes at once. Wait a minute and vote again."), 429
    return _answer(request, regions.BALLOT, item, participant, error, status, "program:phone")


ACTIONS = {
    "open": services.open_poll,
    "close": services.close_poll,
    "reset": services.reset,
    "show": lambda *, item: services.show_results(item=item, shown=True),
    "hide": lambda *, item: services.show_results(item=item, shown=False),
}


@require_POST
def control(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    """A facilitator's open, close, reset (confirmed) or show/hide results; anyone else gets 403."""
    seminar = get_object_or_404(Seminar, slug=slug)
    if not access.facilitates(request.user, seminar):
        raise PermissionDenied
    item = _poll(seminar, item_id)
    form = ControlForm(request.POST)
    if not form.is_valid():
        error = errors_text(form)
        return _answer(request, regions.TABLET, item, None, error, 400, "program:run")
    ACTIONS[form.cleaned_data["action"]](item=item)
    return _answer(request, regions.TABLET, item, None, "", 200, "program:run")
