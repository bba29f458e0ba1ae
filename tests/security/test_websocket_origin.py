"""The websocket's Origin check: a page from nowhere (a null Origin) gets no socket."""

import pytest
from asgiref.sync import async_to_sync

from tests.sockets import screen

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_null_origin_socket_is_refused(seminar, phone_client):
    async def scenario():
        connected, _ = await screen(seminar.slug, "participant", phone_client, origin=b"null").connect()
        assert not connected

    async_to_sync(scenario)()


def test_the_same_socket_from_the_sites_origin_connects(seminar, phone_client):
    """The other side of the check above: only the Origin differs, and this one is let in."""
    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client)
        connected, _ = await socket.connect()
        assert connected
        await socket.disconnect()

    async_to_sync(scenario)()
