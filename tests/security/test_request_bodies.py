"""Request bodies are bounded before anything holds them: over a real daphne a 50 MB POST
without login is answered 413 while the server's memory stays flat, a body the size of a
phone's photo still reaches Django, and Django's own limits answer 400 with a message."""

import asyncio
import socket
import threading
import time

import psutil
import pytest
from django.core.asgi import get_asgi_application

from seminar import photos
from seminar.bodylimit import BodyLimit
from tests import factories
from tests.servers import Daphne

MB = 2**20
CHUNK = 64 * 1024


def post_raw(port: int, path: str, size: int, *, chunked: bool) -> str:
    """POST `size` bytes of form data from a plain socket; returns the answer's status line."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
        )
        head += (
            "Transfer-Encoding: chunked\r\n\r\n" if chunked else f"Content-Length: {size}\r\n\r\n"
        )
        sock.sendall(head.encode())
        block = b"a=" + b"x" * (CHUNK - 2)
        try:
            for _ in range(size // CHUNK):
                sock.sendall(b"%x\r\n%s\r\n" % (len(block), block) if chunked else block)
            if chunked:
                sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server may close once it has answered; the answer is still there to read
        answer = b""
        while b"\r\n" not in answer:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
        return answer.split(b"\r\n", 1)[0].decode()


class PeakMemory:
    """The growth of a process's resident memory while the block runs, sampled every 10 ms."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)

    def __enter__(self) -> "PeakMemory":
        self.base = self.peak = self.process.memory_info().rss
        self.running = True
        self.thread = threading.Thread(target=self._sample)
        self.thread.start()
        return self

    def _sample(self) -> None:
        while self.running:
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.01)

    def __exit__(self, *exc) -> None:
        time.sleep(0.2)
        self.running = False
        self.thread.join()
        self.growth = self.peak - self.base


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), Daphne() as daphne:
        yield daphne


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "sized"])
@pytest.mark.parametrize("where", ["join", "photo upload"])
def test_a_50_mb_post_without_login_is_refused_without_holding_it(server, where, chunked):
    seminar = factories.seminar()
    item = factories.items(seminar)[0]
    path = (
        f"/s/{seminar.slug}/join/"
        if where == "join"
        else f"/s/{seminar.slug}/ideas/{item.pk}/send/"
    )
    port = int(server.url.rsplit(":", 1)[1])
    post_raw(port, path, 64 * 1024, chunked=chunked)  # warm: the first request loads templates

    with PeakMemory(server.process.pid) as memory:
        status = post_raw(port, path, 50 * MB, chunked=chunked)

    assert status.startswith("HTTP/1.1 413 ")
    assert memory.growth < 10 * MB


@pytest.mark.django_db(transaction=True)
def test_a_body_the_size_of_the_largest_photo_still_reaches_django(server):
    seminar = factories.seminar()
    port = int(server.url.rsplit(":", 1)[1])

    status = post_raw(port, f"/s/{seminar.slug}/join/", photos.MAX_BYTES + 256 * 1024, chunked=True)

    assert status == "HTTP/1.1 403 Forbidden"  # Django's CSRF check answered, not the size guard


def run_asgi(app, headers: list, chunks: list[bytes]) -> tuple[dict, list[int]]:
    """Drive an ASGI app with a request; returns the response start and the chunks it read."""
    read, sent = [], []
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/s/nope/join/",
        "raw_path": b"/s/nope/join/",
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 5000),
        "headers": [(b"host", b"127.0.0.1"), *headers],
    }

    async def receive():
        if len(read) < len(chunks):
            read.append(len(chunks[len(read)]))
            return {
                "type": "http.request",
                "body": chunks[len(read) - 1],
                "more_body": len(read) < len(chunks),
            }
        await asyncio.sleep(3600)

    async def send(message):
        sent.append(message)

    asyncio.run(asyncio.wait_for(app(scope, receive, send), 10))
    return next(message for message in sent if message["type"] == "http.response.start"), read


@pytest.mark.django_db(transaction=True)
def test_the_asgi_guard_refuses_a_declared_length_before_reading(settings):
    settings.REQUEST_BODY_MAX_BYTES = 1000
    app = BodyLimit(get_asgi_application())

    start, read = run_asgi(app, [(b"content-length", b"5000")], [b"x" * 1000] * 5)

    assert (start["status"], read) == (413, [])


@pytest.mark.django_db(transaction=True)
def test_the_asgi_guard_cuts_off_a_streamed_body_at_the_limit(settings):
    settings.REQUEST_BODY_MAX_BYTES = 1000
    app = BodyLimit(get_asgi_application())

    start, read = run_asgi(app, [], [b"x" * 400] * 50)

    assert (start["status"], read) == (413, [400, 400, 400])


@pytest.mark.django_db(transaction=True)
def test_the_asgi_guard_passes_a_body_under_the_limit_to_django(settings):
    settings.REQUEST_BODY_MAX_BYTES = 1000
    app = BodyLimit(get_asgi_application())

    start, read = run_asgi(
        app, [(b"content-type", b"application/x-www-form-urlencoded")], [b"code=AB"] * 3
    )

    assert (start["status"], read) == (
        403,
        [7, 7, 7],
    )  # Django read it all and answered (no CSRF token)


def test_form_text_over_djangos_limit_is_a_400_with_a_message(client, seminar):
    response = client.post(
        f"/s/{seminar.slug}/join/", {"code": "x" * (2 * MB)}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 400
    assert "The page sent something that could not be understood." in response.content.decode()
