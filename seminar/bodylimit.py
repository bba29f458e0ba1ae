"""Request bodies are bounded before anything holds them in memory.

daphne receives a whole request body (into a temporary file, through Twisted) before the
application starts, then hands all of it to the application queue at once: a 250 MB POST
cost 500 MB of memory before Django could answer 400. Two guards, one limit
(`settings.REQUEST_BODY_MAX_BYTES`, above the largest photo a phone may upload):

- `guard_daphne()` makes daphne's request refuse a body over the limit while it arrives:
  at once when Content-Length says so, else when the streamed (chunked) bytes pass it. It
  answers 413, discards what the client still sends for a few seconds (so the client reads
  the answer instead of a reset), then closes the connection.
- `BodyLimit` is the same rule as ASGI middleware in front of Django, for any server: a
  declared length over the limit is refused before the body is read, and a streamed body
  that passes it is cut off and answered 413 (Django would otherwise spool it to disk).
"""

from io import BytesIO

from django.conf import settings

LINGER_SECONDS = 5.0
MESSAGE = "Forespørgslen er for stor. / The request is too large.\n".encode()


def _limit() -> int:
    return settings.REQUEST_BODY_MAX_BYTES


def _declared_length(headers) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyLimit:
    """ASGI middleware: 413 for an HTTP request body over the limit."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = _limit()
        declared = _declared_length(scope.get("headers", ()))
        if declared is not None and declared > limit:
            return await _too_large(send)
        received = 0
        too_large = started = False

        async def limited_receive():
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    return {"type": "http.disconnect"}  # Django stops reading and answers nothing
            return message

        async def watched_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, limited_receive, watched_send)
        if too_large and not started:
            await _too_large(send)


async def _too_large(send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": MESSAGE})


def guard_daphne() -> None:
    """Make daphne's HTTP request class refuse an over-long body as it arrives."""
    from daphne import http_protocol

    if getattr(http_protocol.WebRequest, "body_limited", False):
        return

    class LimitedRequest(http_protocol.WebRequest):
        body_limited = True
        _received = 0
        _refused = False

        def gotLength(self, length):
            super().gotLength(length)
            if length is not None and length > _limit():
                self._refuse()

        def handleContentChunk(self, data):
            if self._refused:
                return
            self._received += len(data)
            if self._received > _limit():
                self._refuse()
                return
            super().handleContentChunk(data)

        def process(self):
            if self._refused:  # the whole body arrived while it was being discarded
                self._close()
                return None
            return super().process()

        def _refuse(self) -> None:
            from twisted.internet import reactor  # daphne's, installed before the app loads

            self._refused = True
            self.content = BytesIO()  # drop what was spooled; Twisted still reads it at the end
            head = (
                b"HTTP/1.1 413 Content Too Large\r\nContent-Type: text/plain; charset=utf-8\r\n"
                b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(MESSAGE)
            )
            self.channel.transport.write(head + MESSAGE)
            reactor.callLater(LINGER_SECONDS, self._close)

        def _close(self) -> None:
            if self.channel is not None and self.channel.transport is not None:
                self.channel.transport.loseConnection()

    http_protocol.WebRequest = LimitedRequest
