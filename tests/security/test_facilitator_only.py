"""A participant's session reaches no facilitator action, over HTTP or websocket.

The facilitator URLs are found in the URLconf (every view behind `facilitator_required`),
so a new facilitator view is covered without touching this file.
"""

import re

import pytest
from asgiref.sync import async_to_sync
from django.urls import URLPattern, URLResolver, get_resolver

from program import selectors
from seminar.access import facilitator_required
from tests.sockets import screen

# `wraps` copies the view's name onto the guard's wrapper; its code stays the guard's own.
GUARD = facilitator_required(lambda request, seminar: None).__code__


def guarded(view) -> bool:
    """Whether `facilitator_required` is somewhere in the view's decorator chain."""
    while view is not None:
        if getattr(view, "__code__", None) is GUARD:
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def facilitator_routes(patterns=None, prefix: str = "") -> list[str]:
    found = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            found += facilitator_routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and guarded(entry.callback):
            found.append(prefix + str(entry.pattern))
    return found


def fill(route: str, slug: str) -> str:
    """A concrete path for a route: the seminar's slug, small ids, a plain word for strings."""
    path = route.replace("<slug:slug>", slug)
    path = re.sub(r"<int:\w+>", "1", path)
    return "/" + re.sub(r"<(\w+:)?\w+>", "x", path)


def test_every_facilitator_url_sends_a_participant_to_the_login(seminar, phone_client):
    routes = facilitator_routes()
    before = selectors.live_state(seminar).version
    answers = {}

    for route in routes:
        path = fill(route, seminar.slug)
        response = phone_client.post(
            path, {"version": before, "direction": "next", "action": "start"}
        )
        if response.status_code == 405:
            response = phone_client.get(path)
        answers[path] = (response.status_code, response.get("Location", "").split("?")[0])

    assert len(routes) >= 40  # the URLconf was read, not an empty list
    assert {
        path: answer
        for path, answer in answers.items()
        if answer not in {(302, "/login/"), (403, "")}
    } == {}
    assert selectors.live_state(seminar).version == before


@pytest.mark.django_db(transaction=True)
def test_a_participant_session_cannot_open_the_facilitator_socket(seminar, phone_client):
    async def scenario():
        connected, code = await screen(seminar.slug, "facilitator", phone_client).connect()
        assert (connected, code) == (False, 4403)

    async_to_sync(scenario)()
