"""What a POST to an agenda item acts on: the item, and for a phone its participant.

`phone_item` takes the item with its seminar in one query (a burst of 500 phones sends
here) and answers 403 for a browser not bound to the seminar, 404 for an item not in it.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from program.models import AgendaItem
from seminar import access
from seminar.http import HtmxHttpRequest, Refused, forbidden
from seminar.models import Participant, Seminar
from seminar.queries import unique_or_none


def phone_item(
    request: HtmxHttpRequest, slug: str, item_id: int, kinds: tuple[str, ...] = ()
) -> tuple[AgendaItem, Participant]:
    """The item (of one of `kinds`, if given) and the phone's participant; `Refused` (403), 404."""
    items = AgendaItem.objects.select_related("day__seminar").filter(
        pk=item_id, day__seminar__slug=slug
    )
    item = unique_or_none(items.filter(kind__in=kinds) if kinds else items)
    # The seminar alone only to tell "no such item" (404) from "not yours" (403).
    seminar = item.day.seminar if item is not None else get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    if participant is None:
        raise Refused(forbidden(request, seminar))
    if item is None:
        raise Http404
    return item, participant


def item_of(seminar: Seminar, item_id: int, kinds: tuple[str, ...]) -> AgendaItem:
    """The seminar's item of one of `kinds`, with its day and seminar; 404 otherwise."""
    return get_object_or_404(
        AgendaItem.objects.select_related("day__seminar"),
        pk=item_id,
        day__seminar=seminar,
        kind__in=kinds,
    )
