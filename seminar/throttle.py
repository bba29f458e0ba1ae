"""Who is knocking, and how often: the client's address behind proxies, and counters in the cache.

Every rate limit counts by `client_address()`. Behind a proxy the address daphne reports
is the proxy's (or, with `--proxy-headers` and the default header, the first
`X-Forwarded-For` entry: whatever the client wrote there). The entry to trust is the one
the last trusted proxy appended, TRUSTED_PROXY_COUNT entries from the right; everything
left of it came from the client (docs/deploy.md).

Counters live in the cache, shared by all workers. A cache that fails (Redis down) must
not fail the request: a counter then reads as zero and the request is let through. A
rate limit that is off for the length of an outage costs less than a room that cannot
join or log in.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from seminar import failopen_cache

log = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str:
    """The address of the client that sent `request`, as the trusted proxies saw it."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    entries = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    entries = [entry for entry in entries if entry]
    if len(entries) < trusted:
        # Fewer entries than proxies: the request did not come through them all (a direct
        # connection to a worker). Its own address is then the only one not forged.
        return remote
    return entries[-trusted]


def hashed(*parts: str) -> str:
    """A short cache-key part for text a client chose (a username): bounded, no odd characters."""
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]


def hit(key: str, window_seconds: int) -> int:
    """Count one more event under `key` in a window that starts at the first; the new count.

    0 when the cache fails (the event is let through).
    """
    try:
        return failopen_cache.hit(key, window_seconds, cache)
    except Exception:
        log.warning(
            "rate-limit counter %s unavailable; letting the request through", key, exc_info=True
        )
        return 0


def count(key: str) -> int:
    """How many events `key` has counted in its current window; 0 when the cache fails."""
    try:
        return int(cache.get(key) or 0)
    except Exception:
        log.warning(
            "rate-limit counter %s unavailable; letting the request through", key, exc_info=True
        )
        return 0


def reset(key: str) -> None:
    try:
        cache.delete(key)
    except Exception:
        log.warning("rate-limit counter %s could not be reset", key, exc_info=True)
