"""The daphne fast path: a frame framed once, written straight to each socket.

Under daphne a socket's *wire* (its autobahn protocol) is known: the relay then frames a
frame once per fan-out and writes the same bytes to every open socket, without an ASGI
message, a coroutine and a UTF-8 encoding per socket, and straight to the TCP socket
when nothing is queued for it (docs/live.md has the figures). This reads private
attributes of autobahn and Twisted (`REQUIRED`), tested against the pinned versions by
tests/seminar/test_fast_path.py. A socket whose protocol lacks any of them, or any socket
when settings.LIVE_FAST_PATH is off, gets no wire: its frames go through the plain ASGI
`send`, slower but the same.
"""

import functools
import logging

from django.conf import settings

log = logging.getLogger(__name__)

# What the fast path reads: of autobahn's protocol, then of its Twisted transport.
PROTOCOL_ATTRIBUTES = ("state", "STATE_OPEN", "sendPreparedMessage", "send_queue",
                       "_perMessageCompress", "transport")
TRANSPORT_ATTRIBUTES = ("socket", "connected", "disconnecting", "_writeDisconnected",
                        "dataBuffer", "_tempDataBuffer", "write")
PREPARED_ATTRIBUTES = ("payloadHybi",)  # of autobahn's PreparedMessage

_warned: set[tuple[str, ...]] = set()


def missing(protocol: object) -> list[str]:
    """The attributes the fast path reads that `protocol` or its transport lacks."""
    gone = [name for name in PROTOCOL_ATTRIBUTES if not hasattr(protocol, name)]
    transport = getattr(protocol, "transport", None)
    gone += [f"transport.{name}" for name in TRANSPORT_ATTRIBUTES if not hasattr(transport, name)]
    return gone


def wire_for(send: object) -> object | None:
    """The server's websocket protocol behind an ASGI `send`, if frames can be written to it.

    Daphne hands each application `functools.partial(Server.handle_reply, protocol)`; its
    protocol is autobahn's, which takes a prepared (framed once) message. Anything else,
    a protocol without what the fast path reads, or the fast path turned off returns None:
    the relay then uses the ASGI `send`.
    """
    if not settings.LIVE_FAST_PATH:
        return None
    if not (isinstance(send, functools.partial) and send.args
            and getattr(send.func, "__name__", "") == "handle_reply"):
        return None
    protocol = send.args[0]
    gone = missing(protocol)
    if gone:
        key = tuple(gone)
        if key not in _warned:  # once per process and kind of protocol: each socket would repeat it
            _warned.add(key)
            log.warning("live fast path off for %s sockets: %s missing (autobahn or Twisted "
                        "changed?); frames go through the ASGI send", type(protocol).__name__,
                        ", ".join(gone))
        return None
    return protocol


def prepare(frame: str) -> object:
    """The frame as one server-to-client text message, framed once for many sockets."""
    from autobahn.websocket.protocol import PreparedMessage

    return PreparedMessage(frame.encode(), False, False, False)


def write_prepared(wire, prepared) -> None:
    """Write a prepared frame to one socket, straight to its TCP socket when nothing is queued.

    Twisted buffers every write and sends it on a later reactor turn, registering the
    socket with the selector and unregistering it again: for thousands of sockets that
    bookkeeping costs more than the sends themselves. When autobahn and Twisted hold no
    unsent bytes for this socket (and no compression was negotiated), the frame is sent
    at once and only what the kernel does not take is left to Twisted. In every other
    case the frame goes through autobahn's public `sendPreparedMessage`.
    """
    transport = getattr(wire, "transport", None)
    sock = getattr(transport, "socket", None)
    if (
        sock is None
        or getattr(wire, "_perMessageCompress", True) is not None
        or getattr(wire, "send_queue", True)
        or not getattr(transport, "connected", False)
        or getattr(transport, "disconnecting", True)
        or getattr(transport, "_writeDisconnected", True)
        or getattr(transport, "dataBuffer", True)
        or getattr(transport, "_tempDataBuffer", True)
    ):
        wire.sendPreparedMessage(prepared)
        return
    data = prepared.payloadHybi
    try:
        sent = sock.send(data)
    except BlockingIOError:
        sent = 0
    except OSError:  # a broken connection: let Twisted find out and close it
        sent = 0
    if sent < len(data):
        transport.write(data[sent:])
