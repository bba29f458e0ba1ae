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

# Django makes a cache object per thread and per request context: what Redis did lately is
# kept here, per location, for all of them.
_skip_until: dict[str, float] = {}
_lock = threading.Lock()


def hit(key: str, window: int, cache=None) -> int:
    """Count one more event under `key` in a window of `window` seconds; returns the count.

    One Redis round trip with FailOpenRedisCache (Django's add and incr take three, which a
    slow Redis makes every phone's send pay); add and incr on any other cache. `cache` is
    the default cache unless given.
    """
    from django.core.cache import caches

    cache = caches["default"] if cache is None else cache
    if isinstance(cache, FailOpenRedisCache):
        return cache.hit(key, window)
    return _add_and_incr(cache, key, window)


def _add_and_incr(cache, key: str, window: int) -> int:
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def _fail_open(name: str):
    def method(self, *args, **kwargs):
        if time.monotonic() >= _skip_until.get(self._location, 0.0):
            try:
                return getattr(RedisCache, name)(self, *args, **kwargs)
            except redis.RedisError as error:  # refused, timed out, loading: cannot answer now
                self._redis_failed(error)
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
        local = {key: params[key] for key in ("TIMEOUT", "KEY_PREFIX", "VERSION") if key in params}
        self._location = str(server)
        # LocMemCache keeps its data per name: every instance in the process shares it.
        self._fallback = LocMemCache(f"failopen-{server}", local)

    def _redis_failed(self, error: Exception) -> None:
        with _lock:
            first = time.monotonic() >= _skip_until.get(self._location, 0.0)
            skip = getattr(settings, "CACHE_SKIP_SECONDS", 5.0)
            _skip_until[self._location] = time.monotonic() + skip
        if first:
            log.warning(
                "the Redis cache does not answer (%r); using this process's memory for a while",
                error,
            )

    def hit(self, key: str, window: int) -> int:
        """See `hit`: SET NX EX and INCR in one pipeline (one round trip)."""
        if time.monotonic() >= _skip_until.get(self._location, 0.0):
            try:
                full_key = self.make_and_validate_key(key)
                pipeline = self._cache.get_client(full_key, write=True).pipeline(transaction=False)
                pipeline.set(full_key, 0, ex=window, nx=True)
                pipeline.incr(full_key)
                return pipeline.execute()[1]
            except redis.RedisError as error:
                self._redis_failed(error)
        return _add_and_incr(self._fallback, key, window)

    @property
    def redis_skipped(self) -> bool:
        """Whether calls go to the local cache now (Redis failed a moment ago)."""
        return time.monotonic() < _skip_until.get(self._location, 0.0)

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
