"""One shape for what a phone sends to an item: an idea, a card, a question.

The participant is the one bound to this browser (403 otherwise), the item must belong
to the seminar (404), the form is validated, and the service's refusals become form
errors with their status. htmx gets the panel back (fresh form and "sent" on success,
the same form with the text kept and the error on failure); a plain form post that
succeeded is redirected to the phone's page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from program.models import AgendaItem
from seminar import access
from seminar.http import HtmxHttpRequest
from seminar.models import Participant, Seminar
from seminar.queries import unique_or_none


@dataclass(frozen=True)
class Refusal:
    """A service exception shown as a form error with an HTTP status (409 closed, 429 too fast...)."""

    exception: type[Exception] | tuple[type[Exception], ...]
    message: str | Callable[[Exception], str]
    status: int


Save = Callable[[AgendaItem, Participant, dict], object]


def submit_to_item(request: HtmxHttpRequest, slug: str, item_id: int, *, form_class: type[forms.Form],
                   save: Save, refusals: tuple[Refusal, ...], template: str,
                   fresh: Callable[[dict], forms.Form] | None = None,
                   extra_context: Callable[[AgendaItem, Participant], dict] | None = None) -> HttpResponse:
    """Validate and save a phone's form for an item; `save(item, participant, cleaned_data)`."""
    # The item with its seminar in one query (a burst of 500 phones sends here); the
    # seminar alone only to tell "no such item" (404) from "not yours" (403).
    item = unique_or_none(AgendaItem.objects.select_related("day__seminar").filter(pk=item_id, day__seminar__slug=slug))
    seminar = item.day.seminar if item is not None else get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    if participant is None:
        return render(request, "seminar/not_allowed.html", {"seminar": seminar}, status=403)
    if item is None:
        raise Http404
    form = form_class(request.POST, request.FILES)
    sent, status = False, 200
    if form.is_valid():
        try:
            save(item, participant, form.cleaned_data)
        except tuple(refusal.exception for refusal in refusals) as refused:
            refusal = next(refusal for refusal in refusals if isinstance(refused, refusal.exception))
            message = refusal.message(refused) if callable(refusal.message) else refusal.message
            form.add_error(None, message)
            status = refusal.status
        else:
            form, sent = (fresh or (lambda data: form_class()))(form.cleaned_data), True
    else:
        status = 400
    if sent and not request.htmx:
        response = redirect("program:phone", slug=seminar.slug)
        response.status_code = 303
        return response
    context = {"form": form, "item": item, "seminar": seminar, "sent": sent}
    if extra_context is not None:
        context.update(extra_context(item, participant))
    return render(request, template, context, status=status)
