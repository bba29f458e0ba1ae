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

from seminar import live
from seminar.models import Participant, Seminar
from seminar.queries import unique_or_none

# Session keys. Each binding keeps the access version it was made with; renewing or revoking
# raises the version in the database, and a binding with an older one no longer counts.
PARTICIPANT_KEY = "participants"  # {"<seminar id>": [participant id, access version]}
DISPLAY_KEY = "displays"  # {"<seminar id>": display version}
# Sent to a person's or the projectors' screens when their access changed: each open socket
# resolves its viewer again and closes if its binding no longer counts.
RECHECK = live.CONTROL + "recheck"


def is_facilitator(user) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("seminar.facilitate"))
    )


def facilitates(user, seminar: Seminar | int) -> bool:
    """Whether the account runs this seminar: a facilitator named on it, or a superuser."""
    if not is_facilitator(user):
        return False
    seminar_id = seminar if isinstance(seminar, int) else seminar.pk
    return user.is_superuser or user.facilitated_seminars.filter(pk=seminar_id).exists()


def bind_participant(session, participant: Participant) -> None:
    """Bind the session to the participant under a new session key.

    The key is cycled so that a session key someone planted in this browser beforehand
    does not become the participant's phone (session fixation). The session's other
    bindings (another seminar, a display) move with it.
    """
    bound = dict(session.get(PARTICIPANT_KEY, {}))
    bound[str(participant.seminar_id)] = [participant.pk, participant.access_version]
    session[PARTICIPANT_KEY] = bound
    session.cycle_key()


def bound_participant(session, seminar: Seminar | int) -> Participant | None:
    seminar_id = seminar if isinstance(seminar, int) else seminar.pk
    entry = session.get(PARTICIPANT_KEY, {}).get(str(seminar_id))
    if entry is None:
        return None
    # A bare id: bound before links had versions; it counts until the first renewal.
    participant_id, version = (entry, 1) if isinstance(entry, int) else entry
    known = not isinstance(seminar, int)  # the caller's seminar, already loaded: no second join
    rows = Participant.objects.select_related("department", *(() if known else ("seminar",)))
    participant = unique_or_none(
        rows.filter(
            pk=participant_id, seminar_id=seminar_id, access_version=version, access_revoked=False
        )
    )
    if participant is not None and known:
        participant.seminar = seminar
    return participant


def _displays(session) -> dict[str, int]:
    bound = session.get(DISPLAY_KEY, {})
    if isinstance(bound, list):  # bound before display links had versions
        return {str(seminar_id): 1 for seminar_id in bound}
    return dict(bound)


def bind_display(session, seminar: Seminar) -> None:
    """Bind the session to the seminar's projector under a new session key (as bind_participant)."""
    session[DISPLAY_KEY] = {**_displays(session), str(seminar.pk): seminar.display_version}
    session.cycle_key()


def is_display(session, seminar: Seminar | int) -> bool:
    version = _displays(session).get(str(seminar if isinstance(seminar, int) else seminar.pk))
    if version is None:
        return False
    if isinstance(seminar, int):
        rows = Seminar.objects.filter(pk=seminar)
        current = rows.values_list("display_version", flat=True).first()
    else:
        current = seminar.display_version
    return version == current


def facilitator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log in first; then only the seminar's facilitators pass (403 for anyone else, another
    seminar's facilitators included). The seminar is passed to the view."""

    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        seminar = get_object_or_404(Seminar, slug=slug)
        if not facilitates(request.user, seminar):
            raise PermissionDenied
        return view(request, seminar, *args, **kwargs)

    return wrapper
