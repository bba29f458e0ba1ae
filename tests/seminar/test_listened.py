"""live.listened: renders skip the audiences no screen receives (in a server, embedded or on
Redis)."""

import asyncio
import uuid

import pytest
import redis
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import channel_layers, get_channel_layer

from program.ideas import regions as idea_regions
from program.screens import room_frames
from seminar import live
from seminar.live import regions, transport
from seminar.live.relay import get_relay
from tests.program.tables import seat
from tests.servers import free_port, redis_url
from tests.sockets import screen

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def redis_asked_again(monkeypatch):
    """Each test starts as if Redis had never failed to answer (transport.RETRY_AFTER_SECONDS)."""
    monkeypatch.setattr(transport, "_not_before", 0.0)


def audiences(frames) -> list[str]:
    return [audience for audience, _ in frames]


def wall_frames(brainstorm):
    """The brainstorm's wall (projector) and list (tablets), as a push renders them."""
    return regions.frames(
        brainstorm.item.day.seminar_id, brainstorm.item, [idea_regions.WALL, idea_regions.TABLET]
    )


def table_frames(brainstorm):
    """The first table's ideas on its members' phones, as a push renders them."""
    return regions.frames(
        brainstorm.item.day.seminar_id,
        brainstorm.item,
        [idea_regions.TABLE],
        target=brainstorm.groups[0],
    )


async def with_outbox(work):
    """Run `work` as inside a server: this loop's outbox, torn down after."""
    live.attach_loop()
    outbox = live.current_outbox()
    try:
        return await work()
    finally:
        live.detach_loop()
        outbox.task.cancel()


def test_only_audiences_with_a_socket_in_this_process_are_rendered(
    seminar, projector_client, monkeypatch, settings
):
    # The embedded default's process-local layer, on every pass (the CI's second one runs on Redis).
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    channel_layers.backends.clear()
    brainstorm = seat(seminar, "brainstorm")

    def wall() -> list[str]:
        return audiences(wall_frames(brainstorm))

    def table() -> list[str]:
        return audiences(table_frames(brainstorm))

    async def work():
        nobody = await database_sync_to_async(wall)(), await database_sync_to_async(table)()
        projector = screen(seminar.slug, "projector", projector_client, language=b"da")
        await projector.connect()
        await projector.receive_from()  # the snapshot: its groups are joined
        listened = await database_sync_to_async(wall)(), live.listened(seminar.pk, "projector-en")
        monkeypatch.setattr(
            live.Outbox, "local", property(lambda self: False)
        )  # a shared layer (Redis)
        shared = await database_sync_to_async(wall)()
        await projector.disconnect()
        return nobody, listened, shared

    (no_wall, no_table), (danish_wall, english_listened), shared_wall = async_to_sync(with_outbox)(
        work
    )

    assert (no_wall, no_table) == ([], [])
    assert danish_wall == ["projector-da"] and english_listened is False
    assert shared_wall == ["projector-da", "projector-en", "facilitator-da", "facilitator-en"]


def test_outside_a_server_every_audience_is_rendered(seminar):
    brainstorm = seat(seminar, "brainstorm")

    assert live.listened(seminar.pk, "projector-en")
    assert audiences(wall_frames(brainstorm)) == [
        "projector-da",
        "projector-en",
        "facilitator-da",
        "facilitator-en",
    ]


def redis_layer(settings, url: str) -> None:
    """Redis pub/sub as the channel layer, under a prefix of this test's own."""
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [url], "prefix": f"test-listened-{uuid.uuid4().hex[:8]}"},
        }
    }
    channel_layers.backends.clear()


async def eventually(check, seconds: float = 2.0) -> bool:
    """Unsubscribing is not confirmed: poll until `check()` holds."""
    for _ in range(int(seconds / 0.01)):
        if await asyncio.to_thread(check):
            return True
        await asyncio.sleep(0.01)
    return False


class Socket:
    held = None  # no snapshot on its way: frames go straight to `send`


@pytest.mark.redis
def test_on_redis_a_group_is_listened_while_some_process_holds_a_socket_of_it(seminar, settings):
    redis_layer(settings, redis_url())
    phones, tablets = (
        live.group_name(seminar.pk, "participant-da"),
        live.group_name(seminar.pk, "facilitator-da"),
    )

    async def work():
        relay = get_relay()
        key = Socket()
        await relay.join(phones, key, send=lambda frame: asyncio.sleep(0))
        joined = await asyncio.to_thread(
            transport.subscribed, [phones, tablets]
        )  # confirmed by join: no wait
        await relay.leave(phones, key)
        left = await eventually(lambda: transport.subscribed([phones]) == [False])
        for task in relay._tasks:
            task.cancel()
        await get_channel_layer().flush()
        return joined, left

    joined, left = async_to_sync(work)()

    assert joined == [True, False]
    assert left


@pytest.mark.redis
def test_on_redis_renders_skip_the_audiences_no_process_listens_to(
    seminar, projector_client, settings
):
    redis_layer(settings, redis_url())
    brainstorm = seat(seminar, "brainstorm")

    def wall() -> list[str]:
        return audiences(wall_frames(brainstorm))

    async def work():
        nobody = await database_sync_to_async(wall)()
        projector = screen(seminar.slug, "projector", projector_client, language=b"da")
        await projector.connect()
        await projector.receive_from()  # the snapshot: its groups are joined
        danish = await database_sync_to_async(wall)()
        room = audiences(await database_sync_to_async(lambda: list(room_frames(seminar.pk)))())
        await projector.disconnect()
        await get_channel_layer().flush()
        return nobody, danish, room

    nobody, danish, room = async_to_sync(with_outbox)(work)

    assert nobody == []
    assert danish == ["projector-da"]
    assert room == ["projector-da"]


def test_when_redis_cannot_answer_every_audience_is_rendered(seminar, settings, monkeypatch):
    redis_layer(settings, f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    group = live.group_name(seminar.pk, "projector-en")
    asked = []
    numsub = redis.Redis.pubsub_numsub

    def counted(self, *channels):
        asked.append(channels)
        return numsub(self, *channels)

    monkeypatch.setattr(redis.Redis, "pubsub_numsub", counted)

    assert transport.subscribed([group]) is None
    assert (
        transport.subscribed([group]) is None
    )  # not asked again at once: each try waits its timeout
    assert len(asked) == 1

    async def work():
        return live.listening(seminar.pk, ["projector-en", "facilitator-en"])

    assert async_to_sync(with_outbox)(work) == [True, True]


def test_on_a_shared_layer_this_process_sockets_count_whatever_redis_says(
    seminar, projector_client, monkeypatch, settings
):
    # Redis counts no subscriber (its pub/sub connection to this process is reconnecting):
    # this process's own projector still gets its frame; the audiences it has no socket
    # of are Redis's to answer.
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    channel_layers.backends.clear()
    brainstorm = seat(seminar, "brainstorm")
    asked = []

    def nobody(groups):
        asked.extend(groups)
        return [False] * len(groups)

    async def work():
        projector = screen(seminar.slug, "projector", projector_client, language=b"da")
        await projector.connect()
        await projector.receive_from()
        monkeypatch.setattr(live.Outbox, "local", property(lambda self: False))
        monkeypatch.setattr(transport, "subscribed", nobody)
        frames = await database_sync_to_async(lambda: audiences(wall_frames(brainstorm)))()
        await projector.disconnect()
        return frames

    assert async_to_sync(with_outbox)(work) == ["projector-da"]
    assert live.group_name(seminar.pk, "projector-da") not in asked
    assert live.group_name(seminar.pk, "projector-en") in asked


def test_only_groups_a_render_may_skip_wait_for_redis_and_the_wait_holds_up_no_other_join():
    confirmed = []
    release = asyncio.Event()

    async def confirm(group):
        confirmed.append(group)
        await release.wait()

    async def work():
        relay = get_relay()
        relay.confirmer.confirm = confirm
        send = lambda frame: asyncio.sleep(0)  # noqa: E731
        await relay.join(
            "seminar-1-person-7", Socket(), send
        )  # a person's own pushes: never skipped
        first = asyncio.create_task(relay.join("seminar-1-projector-da", Socket(), send))
        second = asyncio.create_task(relay.join("seminar-1-projector-da", Socket(), send))
        await asyncio.sleep(0.05)
        waiting = not first.done() and not second.done()
        await asyncio.wait_for(
            relay.join("seminar-1-person-8", Socket(), send), 1
        )  # the lock is free
        release.set()
        await asyncio.gather(first, second)
        for task in relay._tasks:
            task.cancel()
        return waiting

    waiting = async_to_sync(work)()

    assert waiting  # both sockets of the new group wait for its one confirmation
    assert confirmed == ["seminar-1-projector-da"]
    assert not live.skippable("seminar-1-person-7") and live.skippable("seminar-1-group-3-da")
