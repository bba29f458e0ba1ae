"""The soapbox at the socket: a group's phones get their phase and speaking order, others do not,
and no pushed frame ever carries a draft or feedback."""

import asyncio
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.test import Client

from program.soapbox import services, writing
from seminar.languages import language_codes
from tests.program.soapbox_room import feedback, make_room, to_speeches, version
from tests.pushes import Listener
from tests.sockets import screen

pytestmark = pytest.mark.django_db(transaction=True)


def phone_client(person) -> Client:
    client = Client()
    client.get(f"/p/{person.token}/")
    return client


async def receive_with(socket, text: str, timeout: float = 3) -> str:
    """The next frame holding `text` (other frames, a resync's snapshot, may come first)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        frame = await socket.receive_from(timeout=max(0.01, deadline - loop.time()))
        if text in frame:
            return frame


def test_a_groups_phones_get_the_phase_and_the_speaking_order_and_another_groups_phone_does_not(
    seminar,
):
    room = make_room(seminar)
    table, other = room.tables
    clients = [
        phone_client(table.members[0]),
        phone_client(table.members[1]),
        phone_client(other.members[0]),
    ]

    async def scenario():
        sockets = [screen(seminar.slug, "participant", client) for client in clients]
        for socket in sockets:
            assert (await socket.connect())[0]
            assert "Prepare your speech" in await socket.receive_from(timeout=2)
        mine, outsider = sockets[:2], sockets[2]

        await database_sync_to_async(services.choose_speakers)(
            item=room.item, group=table.group, version=1, volunteers=[], seed=11
        )
        await database_sync_to_async(services.move_phase)(
            item=room.item, group=table.group, version=2, forward=True
        )

        lineup = await database_sync_to_async(
            lambda: [s.participant.name for s in services.selectors.lineup(room.item, table.group)]
        )()
        for socket in mine:
            order = await receive_with(socket, "Speaking order")
            assert order.startswith(f'<div id="soapbox-{room.item.pk}-group"')
            names = [order.index(name) for name in lineup]
            assert names == sorted(names)  # in speaking order
            phase = await receive_with(socket, "Step 2 of 4")
            assert "Speeches" in phase
        assert await outsider.receive_nothing(timeout=0.5)
        for socket in sockets:
            await socket.disconnect()

    async_to_sync(scenario)()


def test_the_process_leaders_phone_sees_a_new_volunteer(seminar):
    room = make_room(seminar)
    table = room.tables[0]
    client = phone_client(table.leader)
    eager = table.members[2]

    async def scenario():
        socket = screen(seminar.slug, "participant", client)
        await socket.connect()
        snapshot = await socket.receive_from(timeout=2)
        assert "Nobody has volunteered yet." in snapshot
        await database_sync_to_async(services.set_volunteer)(
            item=room.item, participant=eager, volunteer=True
        )
        again = await receive_with(socket, f"You lead {table.group.name}")
        assert (
            f'value="{eager.pk}" id="soapbox-volunteer-{eager.pk}"> <bdi>{eager.name}</bdi>'
            in again
        )
        await socket.disconnect()

    async_to_sync(scenario)()


def test_no_room_or_group_frame_carries_a_draft_or_feedback(seminar):
    room = make_room(seminar)
    table = room.tables[0]
    audiences = [
        f"{role}-{language}"
        for role in ("participant", "projector", "facilitator")
        for language in language_codes()
    ]
    audiences += [
        f"group-{t.group.pk}-{language}" for t in room.tables for language in language_codes()
    ]
    listeners = [Listener(seminar.pk, audience) for audience in audiences]
    speaker = to_speeches(room, table)
    author = next(p for p in table.members if p.pk != speaker.participant_id)

    writing.save_draft(
        item=room.item, author=author, version=0, parts={"message": "Hemmeligt udkast"}
    )
    feedback(
        room, author, speaker, worked="Hemmelig ros", suggestion="Hemmeligt råd", key=uuid.uuid4()
    )
    services.move_phase(
        item=room.item, group=table.group, version=version(room, table), forward=True
    )
    feedback(room, author, speaker, worked="Sen ros", suggestion="Sent råd", key=uuid.uuid4())

    frames = [frame for listener in listeners for frame in listener.frames(at_least=0)]
    assert any("Step 3 of 4" in frame for frame in frames)  # the listeners did hear the group
    for secret in ("Hemmeligt udkast", "Hemmelig ros", "Hemmeligt råd", "Sen ros", "Sent råd"):
        assert not any(secret in frame for frame in frames), secret


def test_a_speaker_reads_feedback_arriving_in_the_feedback_round_on_their_own_phone(seminar):
    room = make_room(seminar)
    table = room.tables[0]
    speaker = to_speeches(room, table)
    services.move_phase(
        item=room.item, group=table.group, version=version(room, table), forward=True
    )
    author = next(p for p in table.members if p.pk != speaker.participant_id)
    client = phone_client(speaker.participant)

    async def scenario():
        socket = screen(seminar.slug, "participant", client)
        await socket.connect()
        assert "No feedback yet." in await socket.receive_from(timeout=2)
        await database_sync_to_async(feedback)(room, author, speaker, worked="Stærk afslutning")
        again = await receive_with(socket, "Feedback on your speech")
        assert "Stærk afslutning" in again
        await socket.disconnect()

    async_to_sync(scenario)()
