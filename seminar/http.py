"""What every view needs from a request: its htmx type, ids parsed strictly from it, and
the one way to answer a POST.

A POST view is a plain function: it finds what it acts on (`phone` and `Refused` end it
early with a 403 page), parses a form, calls a service, turns the service's refusals into
a translated form error and a status, and returns `answer(...)`:

    htmx        the partial it changed (with the status), or 204 when the live push redraws
    plain form  done: 303 to the page to land on; refused: that page again with the text
                the person typed and the message (or, without one, the message flashed)
"""

import re
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from seminar import access
from seminar.models import Participant, Seminar

# The ids the database hands out: ASCII digits within a signed 64-bit integer. `isdigit()`
# is not enough ("²".isdigit() is True, int("²") fails), nor is int() (" 1", "+1", "1_0").
_ID = re.compile(r"[0-9]{1,19}")
MAX_ID = 2**63 - 1


def see_other(to: str, *args, **kwargs) -> HttpResponse:
    """The answer to a POST that sends the browser on: 303, so it fetches the page with GET."""
    response = redirect(to, *args, **kwargs)
    response.status_code = 303
    return response


class HtmxHttpRequest(HttpRequest):
    """A request as django-htmx's middleware leaves it (for type hints in views)."""

    htmx: HtmxDetails


def answer(
    request: HtmxHttpRequest,
    to: str,
    *args,
    partial: str | None = None,
    html: str | None = None,
    context: dict | None = None,
    status: int = 200,
    page: str | None = None,
    error: str | None = None,
    leave: bool = False,
) -> HttpResponse:
    """The answer to a POST, for htmx and a plain form alike; `to` (a URL, or a URL name
    with its `args`) is the page a plain form lands on.

    htmx: `partial` rendered with `context`, or `html` already rendered, with `status`;
    with neither, no content (204 when done, `status` when refused): the live push
    redraws. `leave=True` sends htmx on to `to` (HX-Redirect), for a page of its own.
    A plain form refused (status 400 or more) with a `page`: that page rendered with
    `context` and `status`, so the person's text stays in the form beside the message.
    Otherwise 303 to `to`, with `error` (if any) flashed there.
    """
    if request.htmx and leave:
        return HttpResponseClientRedirect(resolve_url(to, *args))
    if request.htmx:
        if partial is not None:
            return render(request, partial, context, status=status)
        if html is not None:
            return HttpResponse(html, status=status)
        return HttpResponse(status=204 if status < 300 else status)
    if status >= 400 and page is not None:
        return render(request, page, context, status=status)
    if error:
        messages.error(request, error)
    return see_other(to, *args)


def errors_text(form: Form) -> str:
    """A refused form's errors as one line, for a message beside the buttons it came from."""
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


def forbidden(request: HttpRequest, seminar: Seminar) -> HttpResponse:
    """The 403 page for a browser that is not this seminar's (a phone not bound to it)."""
    return render(request, "seminar/not_allowed.html", {"seminar": seminar}, status=403)


class Refused(Exception):
    """Ends a `@refusable` view with `response` (a 403 page...), raised from a helper it calls."""

    def __init__(self, response: HttpResponse) -> None:
        super().__init__(response.status_code)
        self.response = response


def refusable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let a view's helpers end it by raising `Refused(response)`."""

    @wraps(view)
    def wrapper(*args, **kwargs) -> HttpResponse:
        try:
            return view(*args, **kwargs)
        except Refused as refused:
            return refused.response

    return wrapper


def phone(request: HtmxHttpRequest, slug: str) -> tuple[Seminar, Participant]:
    """The seminar and the participant bound to this browser; `Refused` (403) for anyone else."""
    seminar = get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    if participant is None:
        raise Refused(forbidden(request, seminar))
    return seminar, participant


class MalformedId(BadRequest):
    """A request carried an id that is not a plain number; Django answers 400 through
    `seminar.errors.bad_request`, which names the value."""

    def __init__(self, value: str) -> None:
        self.value = value if len(value) <= 24 else value[:24] + "…"
        super().__init__(f"malformed id {self.value!r}")


def parse_id(value: str | None) -> int:
    """The id in a query string, a form field or a part of a URL; `MalformedId` (a 400)
    for anything but a plain number, so a tampered request never reaches the database."""
    text = value or ""
    if not _ID.fullmatch(text) or int(text) > MAX_ID:
        raise MalformedId(text)
    return int(text)


def optional_id(value: str | None) -> int | None:
    """Like `parse_id`, but a missing or empty value is None."""
    return None if value in (None, "") else parse_id(value)
