"""What every view needs from a request: its htmx type, and ids parsed strictly from it."""

import re

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_htmx.middleware import HtmxDetails

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
