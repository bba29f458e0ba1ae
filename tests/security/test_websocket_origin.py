"""A screen's socket opens only from the app's own pages: Origin compared as scheme, host
and port with BASE_URL and CSRF_TRUSTED_ORIGINS; anything else is refused before the consumer."""

import asyncio
from urllib.parse import urlsplit

import pytest
import websockets
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import override_settings

from seminar.asgi import application
from tests.security.clients import cookie_header, open_screen, socket_url
from tests.servers import Daphne

pytestmark = pytest.mark.django_db(transaction=True)

BASE = urlsplit(settings.BASE_URL)
OTHER_SCHEME = "https" if BASE.scheme == "http" else "http"


def opens(slug: str, client, origins: list[bytes]) -> bool:
    """Does a projector's socket open, sent with these Origin headers (none, one, several)?"""
    headers = [(b"origin", origin) for origin in origins]
    headers += [(b"host", BASE.netloc.encode()), (b"cookie", cookie_header(client).encode())]

    async def scenario() -> bool:
        socket = WebsocketCommunicator(application, f"/ws/s/{slug}/projector/", headers=headers)
        connected, _ = await socket.connect()
        if connected:
            await socket.disconnect()
        return connected

    return async_to_sync(scenario)()


def test_the_apps_own_origin_opens_a_socket(seminar, projector_client):
    assert opens(seminar.slug, projector_client, [settings.BASE_URL.encode()])


@pytest.mark.parametrize(
    "origin",
    [
        f"{BASE.scheme}://{BASE.hostname}:{(BASE.port or 80) + 1}",  # the same host on another port
        f"{OTHER_SCHEME}://{BASE.netloc}",  # another scheme
        f"{BASE.scheme}://evil.example",
        f"{BASE.scheme}://{BASE.hostname}.evil.example:{BASE.port or 80}",
        f"http://localhost:{(BASE.port or 80) + 2}",  # this machine, another port
        "null",
        "",
        "not a url",
        f"{BASE.scheme}://{BASE.hostname}:notaport",
    ],
    ids=["port", "scheme", "host", "suffix", "localhost", "null", "empty", "garbage", "bad-port"],
)
def test_any_other_origin_is_refused(seminar, projector_client, origin):
    assert not opens(seminar.slug, projector_client, [origin.encode()])


def test_a_socket_without_an_origin_or_with_two_is_refused(seminar, projector_client):
    """Browsers always send exactly one; a script that sends none is not our page."""
    assert not opens(seminar.slug, projector_client, [])
    assert not opens(
        seminar.slug, projector_client, [settings.BASE_URL.encode(), b"http://evil.example"]
    )


@override_settings(CSRF_TRUSTED_ORIGINS=["https://phones.example.org", "https://*.seminar.example"])
def test_csrf_trusted_origins_open_a_socket_exactly(seminar, projector_client):
    assert opens(seminar.slug, projector_client, [b"https://phones.example.org"])
    assert opens(seminar.slug, projector_client, [b"https://PHONES.example.org:443"])
    assert opens(seminar.slug, projector_client, [b"https://hall.seminar.example"])
    assert not opens(seminar.slug, projector_client, [b"http://phones.example.org"])
    assert not opens(seminar.slug, projector_client, [b"https://phones.example.org:8443"])
    assert not opens(seminar.slug, projector_client, [b"https://seminar.example.evil.org"])


def test_a_real_server_takes_its_own_origin_and_refuses_its_other_ports(seminar, projector_client):
    with Daphne() as server:

        async def scenario() -> int:
            own = await open_screen(server, seminar.slug, "projector", projector_client)
            await own.close()
            other = f"http://127.0.0.1:{server.port + 1}"
            with pytest.raises(websockets.InvalidStatus) as refused:
                await websockets.connect(
                    socket_url(server, seminar.slug, "projector"),
                    additional_headers={"Cookie": cookie_header(projector_client), "Origin": other},
                )
            return refused.value.response.status_code

        assert asyncio.run(scenario()) == 403


@pytest.mark.parametrize("name", ["localhost", "127.0.0.1", "[::1]"])
def test_a_loopback_base_url_takes_this_machines_other_names_on_its_own_port(
    seminar, projector_client, name
):
    with override_settings(BASE_URL="http://127.0.0.1:8765"):
        assert opens(seminar.slug, projector_client, [f"http://{name}:8765".encode()])
        assert not opens(seminar.slug, projector_client, [f"http://{name}:8766".encode()])
