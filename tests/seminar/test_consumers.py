import asyncio
import time

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from program import services
from seminar import live, presence
from seminar.live.relay import get_relay
from tests.sockets import screen

pytestmark = pytest.mark.django_db(transaction=True)


def run(scenario):
    async_to_sync(scenario)()


def test_projector_gets_the_full_state_on_connect(seminar, projector_client):
    async def scenario():
        socket = screen(seminar.slug, "projector", projector_client)
        connected, _ = await socket.connect()
        assert connected
        snapshot = await socket.receive_from(timeout=2)
        assert snapshot.lstrip().startswith('<div id="projector-screen"')
        assert seminar.title in snapshot
        await socket.disconnect()

    run(scenario)


def test_every_screen_gets_the_push_after_next(
    seminar, projector_client, phone_client, facilitator_client
):
    async def scenario():
        sockets = [
            screen(seminar.slug, "projector", projector_client),
            screen(seminar.slug, "participant", phone_client),
            screen(seminar.slug, "facilitator", facilitator_client),
        ]
        for socket in sockets:
            assert (await socket.connect())[0]
            await socket.receive_from(timeout=2)

        await database_sync_to_async(services.step)(seminar=seminar, version=1, forward=True)

        for socket, root in zip(
            sockets, ("projector-screen", "phone-live", "tablet-live"), strict=True
        ):
            frame = await receive_root(socket, root)
            assert "Kaffe" in frame and 'data-version="2"' in frame
        for socket in sockets:
            await socket.disconnect()

    run(scenario)


async def receive_root(socket, root: str, timeout: float = 3) -> str:
    """The next frame whose root element is `root` (presence frames may come between)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        frame = await socket.receive_from(timeout=max(0.01, deadline - loop.time()))
        if f'id="{root}"' in frame.split(">", 1)[0]:
            return frame


def test_reconnecting_screen_sees_the_true_current_state(seminar, phone_client):
    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client)
        await socket.connect()
        await socket.receive_from(timeout=2)
        await socket.disconnect()

        # The program moves on while the phone is away.
        await database_sync_to_async(services.step)(seminar=seminar, version=1, forward=True)
        await database_sync_to_async(services.step)(seminar=seminar, version=2, forward=True)

        again = screen(seminar.slug, "participant", phone_client)
        await again.connect()
        snapshot = await again.receive_from(timeout=2)
        assert ">Velkommen</h2>" in snapshot and 'data-version="3"' in snapshot
        await again.disconnect()

    run(scenario)


def test_socket_from_a_foreign_origin_is_refused(seminar, projector_client):
    async def scenario():
        socket = screen(seminar.slug, "projector", projector_client, origin=b"http://evil.example")
        connected, _ = await socket.connect()
        assert not connected

    run(scenario)


def test_socket_without_origin_is_refused(seminar, projector_client):
    async def scenario():
        socket = screen(seminar.slug, "projector", projector_client, origin=b"null")
        connected, _ = await socket.connect()
        assert not connected

    run(scenario)


@pytest.mark.parametrize("role", ["facilitator", "projector"])
def test_participant_cannot_open_another_role(seminar, phone_client, role):
    async def scenario():
        socket = screen(seminar.slug, role, phone_client)
        connected, code = await socket.connect()
        assert not connected
        assert code == 4403

    run(scenario)


def test_anonymous_socket_is_refused_for_every_role(seminar):
    async def scenario():
        for role in ("participant", "projector", "facilitator", "nonsense"):
            connected, _ = await screen(seminar.slug, role).connect()
            assert not connected

    run(scenario)


def test_phone_of_one_seminar_cannot_watch_another(seminar, phone_client):
    from tests import factories

    other = factories.seminar()

    async def scenario():
        connected, _ = await screen(other.slug, "participant", phone_client).connect()
        assert not connected

    run(scenario)


def test_messages_from_clients_change_nothing(seminar, phone_client):
    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client)
        await socket.connect()
        await socket.receive_from(timeout=2)
        await socket.send_to(text_data='{"action": "next", "version": 1}')
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    run(scenario)
    from program.selectors import live_state

    assert live_state(seminar).version == 1


def test_participant_socket_never_receives_facilitator_notes(seminar, phone_client):
    from tests import factories

    velkommen = factories.items(seminar)[1]

    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client)
        await socket.connect()
        await socket.receive_from(timeout=2)
        await database_sync_to_async(services.jump)(seminar=seminar, version=1, item=velkommen)
        frame = await socket.receive_from(timeout=2)
        assert "Velkommen" in frame
        assert "Kun for facilitatorer" not in frame
        await socket.disconnect()

    run(scenario)


def test_phone_language_follows_its_language_cookie(seminar, phone_client):
    phone_client.post("/i18n/setlang/", {"language": "da", "next": "/"})

    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client, language=b"en")
        await socket.connect()
        snapshot = await socket.receive_from(timeout=2)
        assert "Programmet er ikke begyndt endnu." in snapshot
        await socket.disconnect()

    run(scenario)


def test_tablet_sees_how_many_screens_are_connected(
    seminar, facilitator_client, phone_client, projector_client
):
    async def scenario():
        tablet = screen(seminar.slug, "facilitator", facilitator_client)
        await tablet.connect()
        await receive_root(tablet, "tablet-live")
        phone = screen(seminar.slug, "participant", phone_client)
        projector = screen(seminar.slug, "projector", projector_client)
        await phone.connect()
        await projector.connect()

        frame = ""
        while "1 phone" not in frame or "Projector connected" not in frame:
            frame = await receive_root(tablet, "tablet-presence")
        counts = await database_sync_to_async(presence.screen_counts)(seminar.pk)
        assert counts == {"projector": 1, "participant": 1, "facilitator": 1}

        await phone.disconnect()
        while "0 phones" not in frame:
            frame = await receive_root(tablet, "tablet-presence")
        for socket in (projector, tablet):
            await socket.disconnect()

    run(scenario)


def relay_sockets() -> int:
    """How many sockets the relay holds, in any of its groups."""
    return len({key for local in get_relay().members.values() for key in local})


def test_oversized_client_message_closes_the_socket_and_leaves_no_ghost(
    seminar, phone_client, monkeypatch
):
    monkeypatch.setattr(presence, "DEBOUNCE_SECONDS", 0.01)

    async def scenario():
        stays, goes = (screen(seminar.slug, "participant", phone_client) for _ in range(2))
        for socket in (stays, goes):
            await socket.connect()
            await socket.receive_from(timeout=2)
        assert relay_sockets() == 2
        await goes.send_to(text_data="x" * 100_000)
        assert await goes.receive_output(timeout=2) == {"type": "websocket.close", "code": 4009}
        await goes.wait(timeout=2)  # its instance has ended
        assert relay_sockets() == 1
        await asyncio.sleep(0.3)  # the debounced presence write
        counts = await database_sync_to_async(presence.screen_counts)(seminar.pk)
        await stays.disconnect()
        return counts

    assert async_to_sync(scenario)()["participant"] == 1


def test_a_socket_sending_too_fast_is_closed_and_a_slow_one_is_not(seminar, phone_client):
    async def scenario():
        slow, fast = (screen(seminar.slug, "participant", phone_client) for _ in range(2))
        for socket in (slow, fast):
            await socket.connect()
            await socket.receive_from(timeout=2)
        for _ in range(3):
            await slow.send_to(text_data="ping")
        for _ in range(200):
            await fast.send_to(text_data="ping")
        assert await fast.receive_output(timeout=2) == {"type": "websocket.close", "code": 4029}
        assert await slow.receive_nothing(timeout=0.3)
        assert relay_sockets() == 1
        await slow.disconnect()

    run(scenario)


def test_an_instance_cancelled_without_a_disconnect_leaves_the_relay(seminar, phone_client):
    """daphne cancels an instance that outlives its connection, and every instance at shutdown."""

    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client)
        await socket.connect()
        await socket.receive_from(timeout=2)
        assert relay_sockets() == 1
        socket.future.cancel()
        await asyncio.sleep(0.1)
        assert relay_sockets() == 0
        assert presence.presence_book().counts[(seminar.pk, "participant")] == 0

    run(scenario)


def test_a_frame_sent_while_the_snapshot_renders_arrives_after_it(
    seminar, projector_client, monkeypatch
):
    """The snapshot may have read the database before the frame's change committed: sent after
    the frame, it would put the older state back for good. The frame waits for it."""
    screen_ = live.screen_for("projector")
    rendering = asyncio.Event()
    loop_box = {}

    def slow_snapshot(viewer):
        loop_box["loop"].call_soon_threadsafe(rendering.set)
        time.sleep(0.3)  # the frame is delivered meanwhile
        return '<div id="projector-screen" data-version="2">read before the change</div>'

    monkeypatch.setattr(screen_, "snapshot", slow_snapshot)

    async def scenario():
        loop_box["loop"] = asyncio.get_running_loop()
        socket = screen(seminar.slug, "projector", projector_client)
        connecting = asyncio.create_task(socket.connect())
        await asyncio.wait_for(rendering.wait(), 3)
        delivered = await get_relay().deliver(
            live.group_name(seminar.pk, "projector-en"),
            '<div id="projector-screen" data-version="2">the change</div>',
        )
        assert delivered == 1
        assert (await connecting)[0]
        assert "read before the change" in await socket.receive_from(timeout=2)
        assert "the change" in await receive_root(socket, "projector-screen")
        await socket.disconnect()

    run(scenario)


def test_onto_an_item_with_own_parts_a_phone_gets_the_room_frame_then_its_own_part_alone(
    seminar, phone_client, participant
):
    from program.models import Question, QuestionVote
    from tests import factories

    kaffe, velkommen = factories.items(seminar)[:2]
    velkommen.kind = "questions"
    velkommen.save()
    services.jump(seminar=seminar, version=1, item=kaffe)
    other = factories.participant(seminar)
    question = Question.objects.create(item=velkommen, author=other, text="Hvorfor?", key="0" * 32)
    QuestionVote.objects.create(question=question, voter=participant)

    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client)
        await socket.connect()
        await socket.receive_from(timeout=2)
        await database_sync_to_async(services.jump)(seminar=seminar, version=2, item=velkommen)
        room = await receive_root(socket, "phone-live")
        own = await socket.receive_from(timeout=3)
        await socket.disconnect()
        return room, own

    room, own = async_to_sync(scenario)()
    assert f'data-placeholder-for="item-{velkommen.pk}"' in room
    assert own.startswith(
        f'<div id="activity-person" data-version="3" data-for="item-{velkommen.pk}">'
    )
    assert f"q-{question.pk}" in own and 'id="phone-live"' not in own  # its own part, nothing else
