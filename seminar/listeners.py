"""Which groups have a listener in some process, asked of Redis (the shared channel layer).

Each process's relay subscribes to a group's pub/sub channel while it holds a socket of
that group, and unsubscribes when the last one leaves (`seminar.relay`). So Redis knows,
for every audience, whether any worker has a screen for it: `PUBSUB NUMSUB` on the
group's channel. The renderer asks before it renders an audience's frame (live.listened)
and skips the frames no worker would deliver: with two workers, every phone reading
Danish and no tablet open, the English and tablet frames of each advance.

The ordering that makes a skip safe: a relay's `join` returns only once Redis counts its
subscription (`confirm`), and the socket renders its own snapshot after that. A render
that finds no subscriber therefore began before the snapshot's read, which sees the same
commit. The rendering process's own sockets count whatever Redis says (`live.listening`),
so a pub/sub connection that is reconnecting costs no frame to them. Not covered: a
count that another worker's subscription, about to go, satisfied while ours was still
on its way; the window is a round trip, and the next change or reconnect heals it. Whatever cannot be answered (another layer, several Redis hosts, an error) counts
as listened: a frame rendered for no one costs time, a frame skipped for someone is lost.
"""

import asyncio
import logging
import threading
import time

import redis
import redis.asyncio
from django.conf import settings

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 0.5
CONFIRM_SECONDS = 2.0


def _layer_config() -> tuple[str, str] | None:
    """(Redis URL, channel prefix) of the default layer when it is Redis pub/sub on one host."""
    layer = settings.CHANNEL_LAYERS.get("default", {})
    if layer.get("BACKEND") != "channels_redis.pubsub.RedisPubSubChannelLayer":
        return None
    config = layer.get("CONFIG", {})
    hosts = config.get("hosts") or []
    if len(hosts) != 1 or not isinstance(hosts[0], str):  # sharded or given as options: unknown
        return None
    return hosts[0], config.get("prefix", "asgi")


def channel_of(prefix: str, group: str) -> str:
    """The pub/sub channel channels_redis uses for a group (RedisPubSubLoopLayer)."""
    return f"{prefix}__group__{group}"


_clients: dict[str, redis.Redis] = {}
_clients_lock = threading.Lock()


def _client(url: str) -> redis.Redis:
    with _clients_lock:
        client = _clients.get(url)
        if client is None:
            client = _clients[url] = redis.Redis.from_url(
                url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS)
        return client


# After Redis failed to answer, it is not asked again for this long: each question would
# wait for its timeout, and a render asks up to three.
RETRY_AFTER_SECONDS = 5.0
_not_before = 0.0


def subscribed(groups: list[str]) -> list[bool] | None:
    """For each group, whether some process listens to it; None when Redis cannot tell."""
    global _not_before
    config = _layer_config()
    if config is None or not groups or time.monotonic() < _not_before:
        return None
    url, prefix = config
    try:
        counts = _client(url).pubsub_numsub(*(channel_of(prefix, group) for group in groups))
        return [count > 0 for _, count in counts]
    except Exception as error:  # an unanswerable question means listened, whatever the cause
        _not_before = time.monotonic() + RETRY_AFTER_SECONDS
        log.warning("could not ask Redis who listens (%r); rendering every audience", error)
        return None


class Confirmer:
    """Waits, on one event loop, until Redis counts a group's new subscription."""

    def __init__(self) -> None:
        self._clients: dict[str, redis.asyncio.Redis] = {}

    async def confirm(self, group: str) -> None:
        config = _layer_config()
        if config is None:
            return
        url, prefix = config
        client = self._clients.get(url)
        if client is None:
            client = self._clients[url] = redis.asyncio.Redis.from_url(
                url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS)
        channel = channel_of(prefix, group)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + CONFIRM_SECONDS
        try:
            while True:
                [(_, count)] = await client.pubsub_numsub(channel)
                if count > 0:
                    return
                if loop.time() >= deadline:
                    log.warning("Redis did not count a subscription to %s in %s s", group, CONFIRM_SECONDS)
                    return
                await asyncio.sleep(0.002)
        except redis.RedisError:  # the layer's own subscription will fail or heal the same way
            log.warning("could not confirm a subscription to %s", group, exc_info=True)
