"""Under ASGI a request's middleware chain and view run on one thread, not hopping to and fro."""

import pytest
from asgiref.sync import SyncToAsync, async_to_sync
from channels.testing import HttpCommunicator
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler
from django.test import override_settings

pytestmark = pytest.mark.django_db(transaction=True)


def hops_for_one_request(monkeypatch, path: str) -> tuple[int, int]:
    """(status, how many times the request was handed from the event loop to a thread)."""
    handed = []
    original = SyncToAsync.__call__

    async def counting(self, *args, **kwargs):
        handed.append(self.func)
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(SyncToAsync, "__call__", counting)
    communicator = HttpCommunicator(
        ASGIHandler(), "GET", path, headers=[(b"host", b"127.0.0.1:8000")]
    )
    response = async_to_sync(communicator.get_response)(timeout=10)
    return response["status"], len(handed)


def test_a_phone_page_crosses_to_a_thread_a_few_times_not_once_per_middleware(monkeypatch, seminar):
    status, hops = hops_for_one_request(monkeypatch, f"/s/{seminar.slug}/join/")

    assert status == 200
    # The request-started signal, the middleware chain, CSRF's process_view, the view, and
    # closing the response (the request-finished signal). With every Django middleware in
    # async mode each of their hooks was a hop of its own besides.
    assert hops <= 5


def test_without_our_sync_middleware_every_hook_hops(monkeypatch, seminar):
    """The figure above is our sync-only middleware's doing: without it the same page hops far
    more."""
    middleware = [
        name for name in settings.MIDDLEWARE if not name.startswith("seminar.middleware.")
    ]
    with override_settings(MIDDLEWARE=middleware):
        status, hops = hops_for_one_request(monkeypatch, f"/s/{seminar.slug}/join/")

    assert status == 200
    assert hops > 10
