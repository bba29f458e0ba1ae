"""Open a screen's websocket against the real ASGI application, as a browser would."""

from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from seminar.asgi import application

ORIGIN = settings.BASE_URL.encode()  # the page that opens the socket is served from here


def cookies(client: Client | None) -> bytes:
    """The client's cookies (session, language) as one Cookie header."""
    if client is None:
        return b""
    return "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items()).encode()


def screen(slug: str, role: str, client: Client | None = None, origin: bytes = ORIGIN,
           language: bytes = b"en", query: str = "") -> WebsocketCommunicator:
    headers = [(b"origin", origin), (b"accept-language", language), (b"host", b"127.0.0.1:8000")]
    if cookie := cookies(client):
        headers.append((b"cookie", cookie))
    path = f"/ws/s/{slug}/{role}/" + (f"?{query}" if query else "")
    return WebsocketCommunicator(application, path, headers=headers)

