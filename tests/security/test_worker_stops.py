"""The tablet's phone count after a worker is killed or stopped, against real daphne workers
sharing the database: right within seconds, not after minutes."""

import asyncio
import signal

import pytest
from django.test import Client

from seminar import presence
from seminar.models import ScreenCount
from tests import factories
from tests.security.clients import open_screen, wait_for_phones
from tests.servers import Daphne

pytestmark = pytest.mark.django_db(transaction=True)

ON_THE_STOPPED = 10
ON_THE_OTHER = 3


def phones(seminar, count: int) -> list[Client]:
    clients = []
    for _ in range(count):
        client = Client()
        client.get(f"/p/{factories.participant(seminar).token}/")
        clients.append(client)
    return clients


async def frame_showing(tablet, text: str, within: float) -> str | None:
    """The first presence frame on the tablet that says `text`, or None after `within` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while loop.time() < deadline:
        try:
            frame = await asyncio.wait_for(tablet.recv(), max(0.1, deadline - loop.time()))
        except TimeoutError:
            return None
        if 'id="tablet-presence"' in frame and text in frame:
            return frame
    return None


def test_a_killed_workers_phones_stop_counting_within_seconds(seminar, facilitator_client):
    clients = phones(seminar, ON_THE_STOPPED + ON_THE_OTHER)
    with Daphne() as doomed, Daphne() as other:

        async def scenario() -> tuple[tuple[int, float], str | None]:
            tablet = await open_screen(other, seminar.slug, "facilitator", facilitator_client)
            sockets = [
                await open_screen(doomed, seminar.slug, "participant", client)
                for client in clients[:ON_THE_STOPPED]
            ]
            sockets += [
                await open_screen(other, seminar.slug, "participant", client)
                for client in clients[ON_THE_STOPPED:]
            ]
            total = ON_THE_STOPPED + ON_THE_OTHER
            assert (await asyncio.to_thread(wait_for_phones, seminar.pk, total, 10))[0] == total
            doomed.process.send_signal(signal.SIGKILL)
            doomed.process.wait()
            counted = await asyncio.to_thread(wait_for_phones, seminar.pk, ON_THE_OTHER, 25)
            shown = await frame_showing(tablet, f"{ON_THE_OTHER} phones", 10)
            for socket in [tablet, *sockets[ON_THE_STOPPED:]]:
                await socket.close()
            return counted, shown

        (count, waited), shown = asyncio.run(scenario())

    # The dead worker's rows stop counting at most STALE_SECONDS (15) after the kill (their
    # last heartbeat came before it); HEARTBEAT_SECONDS more is slack for a busy machine.
    assert count == ON_THE_OTHER, f"{count} phones counted {waited:.1f} s after the kill"
    assert waited <= presence.STALE_SECONDS + presence.HEARTBEAT_SECONDS
    assert shown is not None  # the live worker's sweep told the tablet


def test_a_stopped_worker_takes_its_rows_with_it(seminar):
    clients = phones(seminar, ON_THE_STOPPED + ON_THE_OTHER)
    with Daphne() as stopping, Daphne() as other:

        async def scenario() -> dict[str, int]:
            sockets = [
                await open_screen(stopping, seminar.slug, "participant", client)
                for client in clients[:ON_THE_STOPPED]
            ]
            sockets += [
                await open_screen(other, seminar.slug, "participant", client)
                for client in clients[ON_THE_STOPPED:]
            ]
            total = ON_THE_STOPPED + ON_THE_OTHER
            assert (await asyncio.to_thread(wait_for_phones, seminar.pk, total, 10))[0] == total
            pid = stopping.process.pid
            stopping.process.send_signal(signal.SIGTERM)
            await asyncio.to_thread(stopping.process.wait, 15)
            rows = await asyncio.to_thread(
                lambda: ScreenCount.objects.filter(worker__contains=f"-{pid}-").count()
            )
            counts = await asyncio.to_thread(presence.screen_counts, seminar.pk)
            for socket in sockets[ON_THE_STOPPED:]:
                await socket.close()
            return rows, counts

        rows, counts = asyncio.run(scenario())

    assert rows == 0  # gone the moment the process has exited
    assert counts["participant"] == ON_THE_OTHER
    assert "Traceback" not in stopping.output(), stopping.output()[-3000:]
