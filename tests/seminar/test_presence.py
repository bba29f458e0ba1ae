"""Presence bookkeeping: counts survive changes made mid-write, failing seminars, killed and
stopped workers."""

import asyncio
import datetime as dt

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.utils import timezone

from seminar import presence
from seminar.models import ScreenCount
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_change_made_while_a_write_is_under_way_is_written_too(seminar, monkeypatch):
    monkeypatch.setattr(presence, "DEBOUNCE_SECONDS", 0.01)
    notified = []

    async def scenario():
        book = presence.PresenceBook(lambda seminar_id: notified.append(seminar_id))
        book.connected(seminar.pk, "projector")
        await asyncio.sleep(0.02)  # the first flush is writing now
        book.disconnected(seminar.pk, "projector")
        book.connected(seminar.pk, "participant")
        for _ in range(200):
            await asyncio.sleep(0.01)
            if book._flush_task.done():
                break
        book._heartbeat_task.cancel()

    async_to_sync(scenario)()

    assert presence.screen_counts(seminar.pk) == {
        "projector": 0,
        "participant": 1,
        "facilitator": 0,
    }
    assert notified and set(notified) == {seminar.pk}


def test_a_seminar_that_fails_to_write_does_not_stop_the_others(seminar, monkeypatch):
    monkeypatch.setattr(presence, "DEBOUNCE_SECONDS", 0.01)
    gone = factories.seminar()
    gone_id = gone.pk
    gone.delete()

    async def scenario():
        book = presence.PresenceBook(lambda seminar_id: None)
        book.connected(gone_id, "projector")
        book.connected(seminar.pk, "projector")
        for _ in range(200):
            await asyncio.sleep(0.01)
            if book._flush_task.done():
                break
        book._heartbeat_task.cancel()

    async_to_sync(scenario)()

    assert presence.screen_counts(seminar.pk)["projector"] == 1


def run_book_until(book: presence.PresenceBook, seminar_id: int, done, timeout: float = 5) -> None:
    """Connect a phone to `book`, let it run until `done()` (read in a database thread), close
    it."""

    async def scenario():
        book.connected(seminar_id, "participant")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not await database_sync_to_async(done)() and loop.time() < deadline:
            await asyncio.sleep(0.02)
        await book.close()

    async_to_sync(scenario)()


def test_rows_of_a_worker_gone_silent_are_deleted_and_the_tablets_told(seminar, monkeypatch):
    monkeypatch.setattr(presence, "DEBOUNCE_SECONDS", 0.01)
    monkeypatch.setattr(presence, "HEARTBEAT_SECONDS", 0.05)
    long_ago = timezone.now() - dt.timedelta(seconds=presence.STALE_SECONDS + 1)
    ScreenCount.objects.create(
        seminar=seminar, worker="killed-1", role="participant", count=200, updated_at=long_ago
    )
    told = []
    book = presence.PresenceBook(told.append)

    run_book_until(
        book, seminar.pk, lambda: not ScreenCount.objects.filter(worker="killed-1").exists()
    )

    assert not ScreenCount.objects.filter(worker="killed-1").exists()
    assert told.count(seminar.pk) >= 2  # its own first write, then the sweep


def test_a_stopping_worker_deletes_its_own_rows(seminar, monkeypatch):
    monkeypatch.setattr(presence, "DEBOUNCE_SECONDS", 0.01)
    book = presence.PresenceBook(lambda seminar_id: None)

    async def scenario():
        book.connected(seminar.pk, "participant")
        book.connected(seminar.pk, "projector")
        while not await database_sync_to_async(
            ScreenCount.objects.filter(worker=presence.WORKER).exists
        )():
            await asyncio.sleep(0.02)
        await book.close()
        book.connected(seminar.pk, "participant")  # a socket arriving while the server stops
        await asyncio.sleep(0.1)

    async_to_sync(scenario)()

    assert not ScreenCount.objects.filter(worker=presence.WORKER).exists()
    assert presence.screen_counts(seminar.pk) == {
        "projector": 0,
        "participant": 0,
        "facilitator": 0,
    }


def test_a_heartbeat_writes_again_rows_swept_while_the_worker_stalled(seminar, monkeypatch):
    monkeypatch.setattr(presence, "DEBOUNCE_SECONDS", 0.01)
    monkeypatch.setattr(presence, "HEARTBEAT_SECONDS", 0.05)
    book = presence.PresenceBook(lambda seminar_id: None)
    mine = ScreenCount.objects.filter(worker=presence.WORKER)
    seen = []

    def swept_and_back() -> bool:
        if not seen and mine.exists():
            mine.delete()  # as another worker's sweep would, after a long pause of this one
            seen.append({})
            return False
        seen[-1:] = [presence.screen_counts(seminar.pk)] if seen else []
        return bool(seen) and seen[-1]["participant"] == 1

    run_book_until(book, seminar.pk, swept_and_back)

    assert seen[-1] == {"projector": 0, "participant": 1, "facilitator": 0}
