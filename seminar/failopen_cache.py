"""The Redis cache, or this process's memory while Redis does not answer.

The cache holds nothing that must survive: rate-limit counters (join codes, submission
pace, logins). A Redis that refuses or hangs must cost no request, so every call gets a
short socket timeout (settings.CACHE_TIMEOUT_SECONDS); a call that fails goes to a local
in-memory cache instead, and for CACHE_SKIP_SECONDS after a failure Redis is not asked at
all (each question would wait for its timeout). Meanwhile the limits count per process:
they keep limiting, a little more loosely with several workers, and start again from zero
(at worst a few extra attempts, never a refusal of someone who should pass).
"""

import logging
import threading
import time

import redis
from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)


def _fail_open(name: str):
    def method(self, *args, **kwargs):
        if time.monotonic() >= self._skip_until:
            try:
                return getattr(RedisCache, name)(self, *args, **kwargs)
            except redis.RedisError:  # refused, timed out, loading: Redis cannot answer now
                self._redis_failed()
        return getattr(self._fallback, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"RedisCache.{name}, or the local cache's while Redis does not answer."
    return method


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        options = dict(params.get("OPTIONS", {}))
        timeout = getattr(settings, "CACHE_TIMEOUT_SECONDS", 0.3)
        options.setdefault("socket_timeout", timeout)
        options.setdefault("socket_connect_timeout", timeout)
        super().__init__(server, {**params, "OPTIONS": options})
        local = {key: value for key, value in params.items() if key in ("TIMEOUT", "KEY_PREFIX", "VERSION")}
        self._fallback = LocMemCache(f"failopen-{server}", local)
        self._skip_until = 0.0
        self._lock = threading.Lock()

    def _redis_failed(self) -> None:
        with self._lock:
            first = time.monotonic() >= self._skip_until
            self._skip_until = time.monotonic() + getattr(settings, "CACHE_SKIP_SECONDS", 5.0)
        if first:
            log.warning("the Redis cache does not answer; using this process's memory for a while",
                        exc_info=True)

    @property
    def redis_skipped(self) -> bool:
        """Whether calls go to the local cache now (Redis failed a moment ago)."""
        return time.monotonic() < self._skip_until

    add = _fail_open("add")
    get = _fail_open("get")
    set = _fail_open("set")
    touch = _fail_open("touch")
    delete = _fail_open("delete")
    get_many = _fail_open("get_many")
    has_key = _fail_open("has_key")
    incr = _fail_open("incr")
    set_many = _fail_open("set_many")
    delete_many = _fail_open("delete_many")
    _clear = _fail_open("clear")

    def clear(self) -> None:
        """Both: what the local cache counted during an outage must not outlive a clear either."""
        self._fallback.clear()
        self._clear()
