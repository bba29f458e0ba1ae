"""Presence bookkeeping: counts survive changes made mid-write and failing seminars."""

import asyncio

import pytest
from asgiref.sync import async_to_sync

from seminar import presence
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

    assert presence.screen_counts(seminar.pk) == {"projector": 0, "participant": 1, "facilitator": 0}
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
