"""For fault tests: a private Redis that can be stopped, hung and started again, and a
browser-like HTTP client (cookies, CSRF) for a real daphne worker."""

import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import redis

from tests.conftest import need
from tests.servers import free_port


class PrivateRedis:
    """A redis-server of this test's own on a free port: never the shared one."""

    def __init__(self) -> None:
        need(shutil.which("redis-server") is not None, "needs redis-server on PATH for fault tests")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> "PrivateRedis":
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return self
            except redis.RedisError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.resume()
            self.process.terminate()
            self.process.wait(10)

    def hang(self) -> None:
        """Freeze it: connections are accepted by the kernel and never answered."""
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)


@dataclass
class Answer:
    status: int
    body: str
    seconds: float


class Browser:
    """Cookies and CSRF as a browser keeps them; starts from a Django test client's cookies."""

    def __init__(self, base: str, client=None, language: str = "da") -> None:
        self.base = base
        self.language = language
        self.cookies = {name: m.value for name, m in client.cookies.items()} if client else {}

    def _open(self, request: urllib.request.Request) -> Answer:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        request.add_header("Accept-Language", self.language)
        started = time.monotonic()
        try:
            response = _NO_REDIRECT.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        body = response.read().decode(errors="replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return Answer(response.status, body, time.monotonic() - started)

    def get(self, path: str) -> Answer:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict, htmx: bool = True) -> Answer:
        assert "csrftoken" in self.cookies, "GET a page with a form first (it sets the CSRF cookie)"
        headers = {"X-CSRFToken": self.cookies.get("csrftoken", ""), "Referer": self.base + path}
        if htmx:
            headers["HX-Request"] = "true"
        body = urllib.parse.urlencode(data).encode()
        return self._open(urllib.request.Request(self.base + path, data=body, headers=headers))


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer to look at, not to follow


_NO_REDIRECT = urllib.request.build_opener(_KeepRedirects)
