"""Slow and idle connections against a real daphne started with short limits: each is
closed within its limit, and a screen that answers pings stays open past all of them."""

import asyncio
import base64
import os
import socket
import time

import pytest

from tests.security.clients import cookie_header, open_screen, step
from tests.servers import Daphne

pytestmark = pytest.mark.django_db(transaction=True)

# The production command (docs/deploy.md) with each limit shortened to seconds.
IDLE, CONNECT, PING, PONG = 2, 2, 1, 1
SHORT = (
    "--http-idle-timeout",
    str(IDLE),
    "--websocket_connect_timeout",
    str(CONNECT),
    "--ping-interval",
    str(PING),
    "--ping-timeout",
    str(PONG),
)
# daphne checks pings and handshakes every 2 s; Twisted's idle timer fires on time.
SLACK = 4


def seconds_until_closed(port: int, data: bytes, within: float = 30) -> tuple[float, bytes]:
    """Send `data` on a new connection, then nothing: how long until the server hangs up
    (closes, or resets), and what it sent meanwhile."""
    received = b""
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(data)
        start = time.monotonic()
        conn.settimeout(within)
        try:
            while chunk := conn.recv(65536):  # b"" is the hang-up
                received += chunk
        except ConnectionResetError:  # autobahn aborts a connection whose pings went unanswered
            pass
        return time.monotonic() - start, received


def upgrade_request(server, path: str, cookie: str = "") -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        f"GET {path} HTTP/1.1",
        "Host: 127.0.0.1",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
        f"Origin: {server.url}",
    ]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_half_a_request_header_is_closed_after_the_idle_timeout(seminar):
    with Daphne(args=SHORT) as server:
        half = seconds_until_closed(server.port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        silent = seconds_until_closed(server.port, b"")
        half_body = seconds_until_closed(
            server.port, b"POST /join/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nab"
        )
    for waited, received in (half, silent, half_body):
        assert IDLE - 0.5 < waited < IDLE + SLACK
        assert received == b""


def test_a_websocket_handshake_never_finished_is_closed(seminar):
    with Daphne(args=SHORT) as server:
        request = upgrade_request(server, f"/ws/s/{seminar.slug}/participant/")
        waited, received = seconds_until_closed(server.port, request[: len(request) // 2])
    assert IDLE - 0.5 < waited < IDLE + SLACK
    assert received == b""


def test_a_websocket_that_never_answers_pings_is_closed(seminar, phone_client):
    with Daphne(args=SHORT) as server:
        request = upgrade_request(
            server, f"/ws/s/{seminar.slug}/participant/", cookie_header(phone_client)
        )
        waited, received = seconds_until_closed(server.port, request)
    assert received.startswith(b"HTTP/1.1 101 ") and b'id="phone-live"' in received  # served, then
    assert waited < PING + PONG + SLACK


def test_a_screen_that_answers_pings_outlives_every_limit(
    seminar, phone_client, facilitator_client
):
    with Daphne(args=SHORT) as server:

        async def scenario() -> str:
            phone = await open_screen(server, seminar.slug, "participant", phone_client)
            await asyncio.sleep(IDLE + CONNECT + PING + PONG + SLACK)
            assert await asyncio.to_thread(step, server, seminar.slug, facilitator_client, 1) == 200
            frame = await asyncio.wait_for(phone.recv(), 10)
            await phone.close()
            return frame

        frame = asyncio.run(scenario())
    assert 'data-version="2"' in frame
