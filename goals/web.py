"""What the goals app's views share: who is on the phone, how a plain POST is answered."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from program.models import AgendaItem
from seminar import access
from seminar.http import HtmxHttpRequest
from seminar.models import Participant, Seminar


class Refused(Exception):
    def __init__(self, response: HttpResponse) -> None:
        self.response = response


def phone(request: HtmxHttpRequest, slug: str) -> tuple[Seminar, Participant]:
    """The seminar and the participant bound to this browser; Refused (403) for anyone else."""
    seminar = get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    if participant is None:
        raise Refused(render(request, "seminar/not_allowed.html", {"seminar": seminar}, status=403))
    return seminar, participant


def item_of(seminar: Seminar, item_id: int, kinds: tuple[str, ...]) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.select_related("day__seminar"), pk=item_id,
                             day__seminar=seminar, kind__in=kinds)


def refusable(view):
    """Let a view raise Refused(response) from its helpers."""

    def wrapper(*args, **kwargs) -> HttpResponse:
        try:
            return view(*args, **kwargs)
        except Refused as refused:
            return refused.response

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper
