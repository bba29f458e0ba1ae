"""What a websocket must pass before and while it is served: its Origin, and its pace.

Browsers always send an Origin with a websocket handshake, and the page that opens ours
is served from BASE_URL (or an origin named in CSRF_TRUSTED_ORIGINS): any other origin,
`null`, or none at all is another page or a script, and is refused before the consumer
runs. Origins are compared as scheme, host and port; Channels' AllowedHostsOriginValidator
compares hosts only (and, with DEBUG, lets every localhost port in).
"""

import time
from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def origin_key(origin: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an origin or URL, or None when it is not one."""
    try:
        parts = urlsplit(origin.strip())
        port = parts.port
    except ValueError:  # a port that is no number, a malformed IPv6 address
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port or DEFAULT_PORTS[scheme]


# Names of this machine: a page from one of them on BASE_URL's own scheme and port came from
# this server (`make run` prints 127.0.0.1; a newcomer may type localhost).
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def allowed_origins() -> list[tuple[str, str, int]]:
    """BASE_URL's origin and every CSRF trusted origin ("https://*.example.org" allowed); a
    loopback origin also under this machine's other names, on the same scheme and port."""
    keys = [origin_key(origin) for origin in [settings.BASE_URL, *settings.CSRF_TRUSTED_ORIGINS]]
    keys = [key for key in keys if key is not None]
    aliases = [
        (scheme, name, port) for scheme, host, port in keys if host in LOOPBACK for name in LOOPBACK
    ]
    return list(dict.fromkeys([*keys, *aliases]))


def origin_allowed(origin: str | None, allowed: list[tuple[str, str, int]]) -> bool:
    key = origin_key(origin) if origin else None
    if key is None:
        return False
    scheme, host, port = key
    for allowed_scheme, allowed_host, allowed_port in allowed:
        if (scheme, port) != (allowed_scheme, allowed_port):
            continue
        if host == allowed_host:
            return True
        if allowed_host.startswith("*.") and host.endswith(allowed_host[1:]):
            return True
    return False


class OriginGuard:
    """ASGI middleware: the socket's Origin must be one of `allowed_origins()`."""

    def __init__(self, application) -> None:
        self.application = application

    async def __call__(self, scope, receive, send):
        origins = [value for name, value in scope.get("headers", []) if name == b"origin"]
        origin = origins[0].decode("latin1") if len(origins) == 1 else None
        if origin_allowed(origin, allowed_origins()):  # read per socket: a few microseconds
            return await self.application(scope, receive, send)
        return await WebsocketDenier()(scope, receive, send)


class Pace:
    """A token bucket: `burst` messages at once, then `per_second` on average.

    Our pages send nothing over the socket (keep-alives are the server's pings, answered
    inside the websocket protocol), so the limits sit far above any honest client.
    """

    __slots__ = ("burst", "per_second", "tokens", "last")

    def __init__(self, burst: float, per_second: float) -> None:
        self.burst = burst
        self.per_second = per_second
        self.tokens = burst
        self.last = time.monotonic()

    def allow(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.per_second)
        self.last = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True
