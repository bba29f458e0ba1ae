"""The daphne fast path (seminar/live/wire.py) reads private attributes of autobahn and Twisted.

If an upgrade takes one away, these tests say which and in which version; at run time such
a socket's frames go through the plain ASGI `send` instead, and still arrive.
"""

import asyncio
import functools
import logging
import socket
from importlib.metadata import version
from types import SimpleNamespace

import daphne.server  # first: it installs Twisted's asyncio reactor
import pytest
import websockets
from asgiref.sync import async_to_sync
from autobahn.twisted.websocket import WebSocketServerFactory
from daphne.ws_protocol import WebSocketProtocol
from twisted.internet import reactor, tcp
from twisted.internet.address import IPv4Address

from seminar.live import wire
from seminar.live.relay import Relay
from tests.seminar.test_two_workers import cookie_header, post_step
from tests.servers import Daphne

VERSIONS = ", ".join(f"{name} {version(name)}" for name in ("autobahn", "Twisted", "daphne"))


class Connection(tcp.Connection):
    """Twisted's TCP connection on one end of a socket pair (a server's, without a listener)."""

    def getPeer(self):
        return IPv4Address("TCP", "127.0.0.1", 50000)

    def getHost(self):
        return IPv4Address("TCP", "127.0.0.1", 8000)


@pytest.fixture
def daphne_socket():
    """Daphne's websocket protocol on a real Twisted connection, open; and the client's end."""
    ours, theirs = socket.socketpair()
    ours.setblocking(False)
    protocol = WebSocketProtocol()
    protocol.factory = WebSocketServerFactory()
    connection = Connection(ours, protocol, reactor)
    connection.connected = 1
    protocol.makeConnection(connection)
    protocol.state = protocol.STATE_OPEN  # as after the handshake
    yield protocol, theirs
    ours.close()
    theirs.close()


def test_the_installed_autobahn_and_twisted_have_what_the_fast_path_reads(daphne_socket):
    protocol, _ = daphne_socket
    for name in wire.missing(protocol):
        pytest.fail(f"{name} is gone from {VERSIONS}: the live fast path (seminar/live/wire.py) "
                    f"would be off for every socket. Adapt wire.py to the new internals or keep "
                    f"the versions pinned in pyproject.toml.")
    prepared = wire.prepare("x")
    for name in wire.PREPARED_ATTRIBUTES:
        assert hasattr(prepared, name), f"PreparedMessage.{name} is gone from {VERSIONS}"
    send = functools.partial(daphne.server.Server.handle_reply, protocol)
    assert wire.wire_for(send) is protocol, f"daphne's ASGI send not recognised ({VERSIONS})"


def test_a_frame_goes_straight_to_the_tcp_socket_and_twisted_holds_nothing(daphne_socket):
    protocol, client = daphne_socket

    wire.write_prepared(protocol, wire.prepare("hé"))

    assert client.recv(100) == b"\x81\x03h\xc3\xa9", f"not one unmasked text frame ({VERSIONS})"
    assert protocol.transport._tempDataBuffer == [] and protocol.transport.dataBuffer == b""


def test_with_unsent_bytes_queued_the_frame_waits_behind_them_in_order(daphne_socket):
    protocol, client = daphne_socket
    protocol.transport.write(b"\x81\x01a")  # queued in Twisted, not sent yet

    wire.write_prepared(protocol, wire.prepare("b"))
    protocol.transport.doWrite()

    assert client.recv(100) == b"\x81\x01a\x81\x01b"


def a_protocol_without(name: str):
    """A stand-in for daphne's protocol, without one of the attributes the fast path reads."""
    transport = SimpleNamespace(socket=object(), connected=1, disconnecting=0,
                                _writeDisconnected=False, dataBuffer=b"", _tempDataBuffer=[],
                                write=lambda data: None)
    protocol = SimpleNamespace(state=3, STATE_OPEN=3, sendPreparedMessage=lambda message: None,
                               send_queue=[], _perMessageCompress=None, transport=transport)
    owner = transport if name.startswith("transport.") else protocol
    delattr(owner, name.removeprefix("transport."))
    return protocol


def handle_reply(protocol, message):
    """Named as daphne's `Server.handle_reply`, which the fast path recognises."""


@pytest.mark.parametrize("name", ["_perMessageCompress", "send_queue", "transport._tempDataBuffer",
                                  "transport._writeDisconnected", "transport.dataBuffer"])
def test_without_an_attribute_the_socket_gets_the_plain_send_and_its_frames(name, caplog):
    protocol = a_protocol_without(name)

    with caplog.at_level(logging.WARNING, logger="seminar.live.wire"):
        wire._warned.clear()
        found = wire.wire_for(functools.partial(handle_reply, protocol))
    assert found is None
    assert name in caplog.text and "fast path off" in caplog.text

    async def scenario() -> list[str]:
        sent: list[str] = []

        async def send(frame: str) -> None:
            sent.append(frame)

        relay = Relay()
        relay.members["seminar-1-projector-da"] = {object(): (send, found)}
        await relay.deliver("seminar-1-projector-da", "<div>frame</div>")
        return sent

    assert async_to_sync(scenario)() == ["<div>frame</div>"]


def test_the_setting_turns_the_fast_path_off(daphne_socket, settings):
    protocol, _ = daphne_socket
    settings.LIVE_FAST_PATH = False

    assert wire.wire_for(functools.partial(daphne.server.Server.handle_reply, protocol)) is None


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fast_path", ["1", "0"])
def test_under_daphne_a_push_reaches_a_phone_with_the_fast_path_on_and_off(
        fast_path, seminar, facilitator_client, phone_client):
    with Daphne(LIVE_FAST_PATH=fast_path) as server:
        async def scenario() -> str:
            url = server.url.replace("http", "ws") + f"/ws/s/{seminar.slug}/participant/"
            headers = {"Cookie": cookie_header(phone_client), "Origin": server.url}
            async with websockets.connect(url, additional_headers=headers) as phone:
                await asyncio.wait_for(phone.recv(), 5)
                step = asyncio.to_thread(post_step, server.url, seminar.slug, facilitator_client)
                assert await step == 200
                return await asyncio.wait_for(phone.recv(), 5)

        frame = asyncio.run(scenario())
        output = server.output()

    assert 'data-version="2"' in frame and "Kaffe" in frame
    assert "fast path off" not in output, output[-2000:]
