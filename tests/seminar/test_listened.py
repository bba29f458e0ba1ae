"""live.listened: renders skip the audiences no screen receives (embedded default, in a server)."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import channel_layers

from program.ideas import selectors as idea_selectors
from seminar import live
from tests.program.tables import seat
from tests.sockets import screen

pytestmark = pytest.mark.django_db(transaction=True)


def audiences(frames) -> list[str]:
    return [audience for audience, _ in frames]


async def with_outbox(work):
    """Run `work` as inside a server: this loop's outbox, torn down after."""
    live.attach_loop()
    outbox = live.current_outbox()
    try:
        return await work()
    finally:
        live._outbox = None
        outbox.task.cancel()


def test_only_audiences_with_a_socket_in_this_process_are_rendered(seminar, projector_client, monkeypatch, settings):
    # The embedded default's process-local layer, on every pass (the CI's second one runs on Redis).
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    channel_layers.backends.clear()
    brainstorm = seat(seminar, "brainstorm")

    def wall() -> list[str]:
        return audiences(idea_selectors.wall_frames(brainstorm.item.pk))

    def table() -> list[str]:
        return audiences(idea_selectors.table_frames(brainstorm.item.pk, brainstorm.groups[0].pk))

    async def work():
        nobody = await database_sync_to_async(wall)(), await database_sync_to_async(table)()
        projector = screen(seminar.slug, "projector", projector_client, language=b"da")
        await projector.connect()
        await projector.receive_from()  # the snapshot: its groups are joined
        listened = await database_sync_to_async(wall)(), live.listened(seminar.pk, "projector-en")
        monkeypatch.setattr(live.Outbox, "local", property(lambda self: False))  # a shared layer (Redis)
        shared = await database_sync_to_async(wall)()
        await projector.disconnect()
        return nobody, listened, shared

    (no_wall, no_table), (danish_wall, english_listened), shared_wall = async_to_sync(with_outbox)(work)

    assert (no_wall, no_table) == ([], [])
    assert danish_wall == ["projector-da"] and english_listened is False
    assert shared_wall == ["projector-da", "facilitator-da", "projector-en", "facilitator-en"]


def test_outside_a_server_every_audience_is_rendered(seminar):
    brainstorm = seat(seminar, "brainstorm")

    assert live.listened(seminar.pk, "projector-en")
    assert audiences(idea_selectors.wall_frames(brainstorm.item.pk)) == [
        "projector-da", "facilitator-da", "projector-en", "facilitator-en"]
