"""daphne, with a bound on how long an HTTP connection may sit idle before its request is in.

Twisted drops an HTTP connection that has sent nothing for its factory's `timeOut` (60 s)
while a request's headers or body are being read, and between requests on a kept-alive
connection; daphne's command line cannot set it. A client that opens many connections
and sends half a request on each holds them that long. `--http-idle-timeout` sets it.
The wait for the application's answer does not count (Twisted pauses the timer once a
request is in), and neither does an open websocket (it is handed to autobahn, which
pings it: `--ping-interval`, `--ping-timeout`).

    python -m seminar.serve --http-idle-timeout 20 [daphne's options] seminar.asgi:application

`--websocket-max-message-size` bounds what a client sends. autobahn applies the same
figure to what the server sends, so with the documented 4 KB every page frame over 4 KB
(a phone's snapshot of the reference program is ~5 KB, a tablet's more) raised inside the
consumer and the screen got nothing; here the limit is lifted for the server's own frames.

The server also runs the mail worker (seminar/invitations/worker.py) beside the event loop.
"""

from daphne.cli import CommandLineInterface
from daphne.server import Server
from daphne.ws_protocol import WebSocketProtocol

HTTP_IDLE_TIMEOUT = 20


class ScreenSocket(WebSocketProtocol):
    """daphne's websocket, its message size limit applied to received messages only."""

    def sendMessage(self, payload, isBinary=False, fragmentSize=None, sync=False,
                    doNotCompress=False):
        # autobahn reads the limit while it sends (synchronously, in the reactor's one
        # thread); the incoming check reads it again when the next frame arrives.
        limit, self.maxMessagePayloadSize = self.maxMessagePayloadSize, 0
        try:
            return super().sendMessage(payload, isBinary, fragmentSize, sync, doNotCompress)
        finally:
            self.maxMessagePayloadSize = limit


class SeminarServer(Server):
    http_idle_timeout: float = HTTP_IDLE_TIMEOUT

    def run(self):
        # Django is set up by now (the application was imported before the server was made).
        from seminar.invitations import worker

        worker.start()
        try:
            super().run()
        finally:
            worker.stop()

    def listen_success(self, port):
        # The factory exists from here on and builds every connection's protocol with it.
        self.http_factory.timeOut = self.http_idle_timeout
        self.ws_factory.protocol = ScreenSocket
        return super().listen_success(port)


class SeminarCommandLine(CommandLineInterface):
    server_class = SeminarServer

    def __init__(self) -> None:
        super().__init__()
        self.parser.add_argument(
            "--http-idle-timeout", type=float, default=HTTP_IDLE_TIMEOUT,
            help="Seconds an HTTP connection may send nothing while its request is read, "
                 "or sit idle between requests, before it is closed",
        )

    def run(self, args):
        idle = self.parser.parse_args(args).http_idle_timeout
        if idle <= 0:
            self.parser.error("--http-idle-timeout must be more than 0 seconds")
        SeminarServer.http_idle_timeout = idle
        return super().run(args)


if __name__ == "__main__":
    SeminarCommandLine.entrypoint()
