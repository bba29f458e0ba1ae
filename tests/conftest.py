"""Shared fixtures: seminars, people and the clients that act as their screens."""

import asyncio
import os
import threading
from pathlib import Path

import pytest
from channels.layers import channel_layers
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.db.models.signals import post_save
from django.test import Client

from seminar.models import Seminar
from tests import factories

IN_CI = os.environ.get("CI", "").lower() == "true"
REFERENCE_PROGRAM = Path(settings.BASE_DIR) / "fixtures" / "varde-2014.toml"


def need(available: bool, what: str) -> None:
    """Skip with a clear reason when a service is missing; under CI=true, fail instead."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI=true but {what}")
    pytest.skip(what)


def pytest_collection_modifyitems(config, items):
    """Under parallel workers (`make test`), one worker runs every browser test: they share one
    daphne and one Chromium, and two browsers at once on two cores starve each other.

    Tests of PostgreSQL's own behaviour (marked `postgres`) are deselected, not skipped, on a
    pass that runs on another database: CI's PostgreSQL pass runs them."""
    on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    kept, dropped = [], []
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
        (kept if on_postgres or not item.get_closest_marker("postgres") else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """Each test starts with an empty in-process channel layer."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and other cached values do not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seminar(db):
    return factories.seminar()


@pytest.fixture
def participant(seminar):
    return factories.participant(seminar)


@pytest.fixture
def facilitator(db) -> User:
    """A facilitator of every seminar the test has or makes (as every facilitator account was
    before seminars had their own facilitators: seminar migration 0010)."""
    user = User.objects.create_user("kenneth", password="not-a-real-password-1")
    user.user_permissions.add(Permission.objects.get(codename="facilitate"))
    user.facilitated_seminars.add(*Seminar.objects.all())

    def runs_it(sender, instance, created, **kwargs) -> None:
        if created:
            instance.facilitators.add(user)

    post_save.connect(runs_it, sender=Seminar, weak=False, dispatch_uid="facilitator-fixture")
    yield user
    post_save.disconnect(sender=Seminar, dispatch_uid="facilitator-fixture")


@pytest.fixture
def facilitator_client(facilitator) -> Client:
    client = Client()
    client.force_login(facilitator)
    return client


@pytest.fixture
def phone_client(participant) -> Client:
    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


@pytest.fixture
def projector_client(seminar) -> Client:
    client = Client()
    client.get(f"/s/{seminar.slug}/display/{seminar.display_token}/")
    return client


@pytest.fixture
def reference_seminar(db):
    from program.programfile import import_program

    return import_program(text=REFERENCE_PROGRAM.read_text(encoding="utf-8"))


@pytest.fixture
def server_loop():
    """A running event loop with the live layer's outbox on it, as inside daphne."""
    from seminar import live

    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop).result()
    loop.call_soon_threadsafe(live.attach_loop)
    asyncio.run_coroutine_threadsafe(asyncio.sleep(0.05), loop).result()
    yield loop
    outbox = live.detach_loop()

    async def shutdown() -> None:
        outbox.task.cancel()
        await asyncio.gather(outbox.task, return_exceptions=True)

    asyncio.run_coroutine_threadsafe(shutdown(), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)


@pytest.fixture
def english():
    """English for a test that reads the program file's rules in their English messages (the
    site's language is Danish; tests/program/test_programfile_language.py reads them in both)."""
    from django.utils import translation

    with translation.override("en"):
        yield
