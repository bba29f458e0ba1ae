"""The live layer's one seam to the other processes: the channel layer and, behind it, Redis.

No other module touches either. The relay and its broker reach the layer through a
`Layer` (one per event loop); the outbox and the broker publish through `send_frame`;
renders ask `subscribed` whether any process listens to a group, and a relay's first
join waits until Redis counts its subscription (`Confirmer`).

Who listens, asked of Redis: each process's relay subscribes to a group's pub/sub
channel while it holds a socket of that group, and unsubscribes when the last one leaves
(`seminar.live.relay`). So Redis knows, for every audience, whether any worker has a
screen for it: `PUBSUB NUMSUB` on the group's channel. The renderer asks before it
renders an audience's frame (`live.listened`) and skips the frames no worker would
deliver: with two workers, every phone reading Danish and no tablet open, the English
and tablet frames of each advance.

The ordering that makes a skip safe: a relay's `join` returns only once Redis counts its
subscription (`Confirmer.confirm`), and the socket renders its own snapshot after that. A
render that finds no subscriber therefore began before the snapshot's read, which sees
the same commit. The rendering process's own sockets count whatever Redis says
(`live.listening`), so a pub/sub connection that is reconnecting costs no frame to them.
Not covered: a count that another worker's subscription, about to go, satisfied while
ours was still on its way; the window is a round trip, and the next change or reconnect
heals it. Whatever cannot be answered (another layer, several Redis hosts, an error)
counts as listened: a frame rendered for no one costs time, a frame skipped for someone
is lost.
"""

import asyncio
import logging
import threading
import time

import redis
import redis.asyncio
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.conf import settings

log = logging.getLogger(__name__)

FRAME = "relay.frame"  # a frame for a group, from the relay of another process
PING = "relay.ping"  # a relay's message to itself: is the link to Redis working? (broker)


def is_local() -> bool:
    """Whether the channel layer is this process's own: no other process has screens."""
    return isinstance(get_channel_layer(), InMemoryChannelLayer)


class Layer:
    """The channel-layer calls of one process's relay (on one event loop)."""

    def __init__(self) -> None:
        self._layer = get_channel_layer()
        # A process-local layer reaches no one but this process: no broker, no Redis.
        self.local = isinstance(self._layer, InMemoryChannelLayer)

    async def open(self) -> str:
        """A new channel of this process's own (the relay's subscription)."""
        return await self._layer.new_channel("relay.")

    async def subscribe(self, group: str, channel: str) -> None:
        await self._layer.group_add(group, channel)

    async def unsubscribe(self, group: str, channel: str) -> None:
        await self._layer.group_discard(group, channel)

    async def receive(self, channel: str) -> dict:
        return await self._layer.receive(channel)

    async def ping(self, channel: str, seq: int) -> None:
        await self._layer.send(channel, {"type": PING, "seq": seq})


async def send_frame(group: str, frame: str, origin: str | None = None) -> bool:
    """To every process's relay; the relay whose channel is `origin` has had it already.

    Never raises: False when the layer refused, failed or did not answer in time.
    """
    layer = get_channel_layer()
    message = {"type": FRAME, "group": group, "frame": frame, "origin": origin}
    try:
        await asyncio.wait_for(layer.group_send(group, message), settings.LIVE_SEND_TIMEOUT_SECONDS)
        return True
    except TimeoutError:
        log.warning("live push to %s timed out", group)
    except Exception as error:  # Redis refused or dropped the connection
        log.warning("live push to %s failed: %r", group, error)
    return False


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
                    log.warning("Redis did not count a subscription to %s in %s s", group,
                                CONFIRM_SECONDS)
                    return
                await asyncio.sleep(0.002)
        except redis.RedisError:  # the layer's own subscription will fail or heal the same way
            log.warning("could not confirm a subscription to %s", group, exc_info=True)
