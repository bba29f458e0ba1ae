"""Scripted screens against a real daphne: websockets as the page opens them, and clicks."""

import asyncio
import time
import urllib.parse
import urllib.request

import websockets
from django.test import Client

from seminar import presence


def cookie_header(client: Client) -> str:
    return "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())


def socket_url(server, slug: str, role: str) -> str:
    return server.url.replace("http", "ws", 1) + f"/ws/s/{slug}/{role}/"


async def open_screen(server, slug: str, role: str, client: Client, origin: str | None = None):
    """A screen's socket, its snapshot read; `origin` defaults to the server's own."""
    headers = {
        "Cookie": cookie_header(client),
        "Origin": origin or server.url,
        "Accept-Language": "en",
    }
    socket = await websockets.connect(
        socket_url(server, slug, role), additional_headers=headers, max_size=None
    )
    await asyncio.wait_for(socket.recv(), 10)
    return socket


def step(server, slug: str, facilitator_client: Client, version: int) -> int:
    """A facilitator's "Næste" over HTTP, with its CSRF token, as the tablet sends it."""
    opener = urllib.request.build_opener()
    cookies = cookie_header(facilitator_client)
    page = opener.open(
        urllib.request.Request(f"{server.url}/s/{slug}/run/", headers={"Cookie": cookies})
    )
    csrf = next(
        h.split("=", 1)[1].split(";", 1)[0]
        for h in page.headers.get_all("Set-Cookie")
        if h.startswith("csrftoken=")
    )
    body = urllib.parse.urlencode({"version": version, "direction": "next"}).encode()
    request = urllib.request.Request(
        f"{server.url}/s/{slug}/run/step/",
        data=body,
        headers={
            "Cookie": f"{cookies}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "HX-Request": "true",
        },
    )
    return opener.open(request).status


def wait_for_phones(seminar_id: int, expected: int, within: float) -> tuple[int, float]:
    """Poll the presence count until it shows `expected` phones; (last count, seconds waited)."""
    start = time.monotonic()
    while True:
        count = presence.screen_counts(seminar_id)["participant"]
        waited = time.monotonic() - start
        if count == expected or waited > within:
            return count, waited
        time.sleep(0.25)
