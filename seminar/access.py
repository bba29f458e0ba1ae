"""Who may see what: facilitators (accounts), participants (bound phones), projectors.

A participant's phone and a projector are bound to a browser session by a secret
link or a personal code; the websocket consumer reads the same session.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from seminar.models import Participant, Seminar
from seminar.queries import unique_or_none

PARTICIPANT_KEY = "participants"
DISPLAY_KEY = "displays"


def is_facilitator(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and (
        user.is_superuser or user.has_perm("seminar.facilitate")
    ))


def bind_participant(session, participant: Participant) -> None:
    bound = dict(session.get(PARTICIPANT_KEY, {}))
    bound[str(participant.seminar_id)] = participant.pk
    session[PARTICIPANT_KEY] = bound


def bound_participant(session, seminar: Seminar | int) -> Participant | None:
    seminar_id = seminar if isinstance(seminar, int) else seminar.pk
    participant_id = session.get(PARTICIPANT_KEY, {}).get(str(seminar_id))
    if participant_id is None:
        return None
    known = not isinstance(seminar, int)  # the caller's seminar, already loaded: no second join
    rows = Participant.objects.select_related("department", *(() if known else ("seminar",)))
    participant = unique_or_none(rows.filter(pk=participant_id, seminar_id=seminar_id))
    if participant is not None and known:
        participant.seminar = seminar
    return participant


def bind_display(session, seminar: Seminar) -> None:
    session[DISPLAY_KEY] = sorted({*session.get(DISPLAY_KEY, []), seminar.pk})


def is_display(session, seminar_id: int) -> bool:
    return seminar_id in session.get(DISPLAY_KEY, [])


def facilitator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log in first; then only facilitators pass. The seminar is passed to the view."""

    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_facilitator(request.user):
            raise PermissionDenied
        seminar = get_object_or_404(Seminar, slug=slug)
        return view(request, seminar, *args, **kwargs)

    return wrapper
