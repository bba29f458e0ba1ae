import asyncio
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.test import Client

from program import selectors as program_selectors
from program import services as program_services
from program import timers
from program.ideas import services as ideas
from program.models import Comment, Idea, LiveState, Reaction, Vernissage
from program.vernissage import selectors as vernissage_selectors
from program.vernissage import services
from seminar import live
from tests.program.tables import seat
from tests.sockets import screen

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def vernissage(seminar):
    """Ideas from a brainstorm at the tables, then the vernissage at the same tables."""
    brainstorm = seat(seminar, "brainstorm", sizes=(4, 3), position=1)
    for number, people in enumerate(brainstorm.people, start=1):
        ideas.submit_idea(
            item=brainstorm.item, author=people[0], text=f"Idé fra bord {number}", key=uuid.uuid4()
        )
    return seat(seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)


def client_for(participant) -> Client:
    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


def gallery_url(tables, index):
    return (
        f"/s/{tables.item.day.seminar.slug}/galleries/{tables.item.pk}/{tables.groups[index].pk}/"
    )


def host_region(html: str) -> str:
    return html.split('id="gallery-hosts"', 1)[1].split("</section>", 1)[0]


def turn_region(html: str) -> str:
    """The table's turn: "you host now" for its hosts, "go visiting" for the others."""
    return html.split('id="gallery-turn"', 1)[1].split("</div>\n</div>", 1)[0]


def test_phones_know_who_hosts_now_and_next_turn_moves_the_rota(
    vernissage, seminar, facilitator_client, projector_client
):
    first, second = vernissage.people[0][:2], vernissage.people[0][2:]
    phone = client_for(first[0])

    before = phone.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    facilitator_client.post(f"/s/{seminar.slug}/run/vernissage/{vernissage.item.pk}/turn/")
    after = phone.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    projector = projector_client.get(
        f"/s/{seminar.slug}/projector/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert (
        f'<div id="my-marks" data-marks="p-{first[0].pk} vernissage-{vernissage.item.pk}" hidden>'
        in before
    )
    assert f'data-if-mark="p-{first[0].pk} p-{first[1].pk}"' in turn_region(before)
    assert f'data-if-mark="p-{second[0].pk} p-{second[1].pk}"' in turn_region(after)
    assert "Hosts, turn 2" in projector
    assert f"<bdi>{second[0].name}</bdi>, <bdi>{second[1].name}</bdi>" in projector


def test_hosts_see_how_many_visitors_are_at_their_gallery_now(vernissage, seminar):
    host = client_for(vernissage.people[0][0])
    visitors = [client_for(person) for person in vernissage.people[1]]

    for visitor in visitors:
        visitor.get(gallery_url(vernissage, 0))
    host.get(gallery_url(vernissage, 0))  # the table's own members are not visitors
    visitors[0].get(gallery_url(vernissage, 1))  # one goes on to another gallery

    html = host.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2 visitors at your gallery now" in host_region(html)


def test_gallery_shows_the_tables_ideas_and_asks_strangers_to_join_first(vernissage):
    html = client_for(vernissage.people[1][0]).get(gallery_url(vernissage, 0)).content.decode()

    assert "Idé fra bord 1" in html and "Idé fra bord 2" not in html
    assert Client().get(gallery_url(vernissage, 0)).status_code == 302


def test_one_reaction_per_person_per_idea_which_they_can_change_or_take_back(vernissage, seminar):
    visitor = vernissage.people[1][0]
    idea = vernissage.groups[0].ideas.get()
    url = f"/s/{seminar.slug}/galleries/react/{idea.pk}/"
    phone = client_for(visitor)

    phone.post(url, {"item": vernissage.item.pk, "kind": "like"})
    phone.post(url, {"item": vernissage.item.pk, "kind": "love"})
    assert list(Reaction.objects.values_list("visitor", "kind")) == [(visitor.pk, "love")]
    response = phone.post(url, {"item": vernissage.item.pk, "kind": "love"}, HTTP_HX_REQUEST="true")
    assert not Reaction.objects.exists()
    assert f'id="react-love-{idea.pk}" aria-pressed="false"' in response.content.decode()


def test_comment_is_stored_once_per_key_and_reaches_the_hosts(vernissage, seminar):
    idea = vernissage.groups[0].ideas.get()
    phone = client_for(vernissage.people[1][0])
    key = str(uuid.uuid4())
    data = {"item": vernissage.item.pk, "key": key, "text": HOSTILE}

    first = phone.post(
        f"/s/{seminar.slug}/galleries/comment/{idea.pk}/",
        data,
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    phone.post(f"/s/{seminar.slug}/galleries/comment/{idea.pk}/", data, HTTP_HX_REQUEST="true")
    host = client_for(vernissage.people[0][1]).get(f"/s/{seminar.slug}/").content.decode()

    assert "the table sees your comment" in first.content.decode()
    assert Comment.objects.count() == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in host_region(host)
    assert "<script>alert(1)" not in host and "<img src=x" not in host


def test_empty_comment_gets_a_clear_message(vernissage, seminar):
    idea = vernissage.groups[0].ideas.get()

    response = client_for(vernissage.people[1][0]).post(
        f"/s/{seminar.slug}/galleries/comment/{idea.pk}/",
        {"item": vernissage.item.pk, "key": str(uuid.uuid4()), "text": "  "},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert "Write your comment first." in response.content.decode()


def test_closing_remarks_show_on_the_projector_as_text(
    vernissage, seminar, facilitator_client, projector_client
):
    facilitator_client.post(
        f"/s/{seminar.slug}/run/vernissage/{vernissage.item.pk}/closing/",
        {"text": f"Vi så mod og glæde {HOSTILE}", "action": "show"},
    )

    html = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()

    assert "Vi så mod og glæde &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_a_participant_cannot_run_the_vernissage(vernissage, seminar):
    phone = client_for(vernissage.people[0][0])
    comment = services.comment(
        item=vernissage.item,
        idea=vernissage.groups[0].ideas.get(),
        author=vernissage.people[1][0],
        text="Fin",
        key=uuid.uuid4(),
    )
    base = f"/s/{seminar.slug}/run/vernissage"

    assert phone.post(f"{base}/{vernissage.item.pk}/turn/").status_code == 302
    assert (
        phone.post(
            f"{base}/{vernissage.item.pk}/closing/", {"text": "x", "action": "show"}
        ).status_code
        == 302
    )
    assert phone.post(f"{base}/comments/{comment.pk}/").status_code == 302
    assert phone.get(f"{base}/{vernissage.item.pk}/codes/").status_code == 302
    assert not vernissage.item.__class__.objects.filter(vernissage__turn__gt=0).exists()
    comment.refresh_from_db()
    assert not comment.hidden


def test_qr_codes_page_has_one_code_per_table_opening_its_gallery(
    vernissage, seminar, facilitator_client
):
    html = facilitator_client.get(
        f"/s/{seminar.slug}/run/vernissage/{vernissage.item.pk}/codes/"
    ).content.decode()

    assert html.count('class="qr"><title>Bord ') == 2
    for index in range(2):
        assert f"http://127.0.0.1:8000{gallery_url(vernissage, index)}" in html


@pytest.mark.django_db(transaction=True)
def test_a_visit_and_a_comment_reach_the_hosts_phone_live(seminar):
    brainstorm = seat(seminar, "brainstorm", position=1)
    idea = ideas.submit_idea(
        item=brainstorm.item, author=brainstorm.people[0][0], text="Idé", key=uuid.uuid4()
    )
    tables = seat(seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)
    host_client, visitor = client_for(tables.people[0][1]), tables.people[1][0]

    async def scenario():
        phone = screen(seminar.slug, "participant", host_client)
        await phone.connect()
        assert "0 visitors at your gallery now" in await phone.receive_from(timeout=2)
        await database_sync_to_async(services.note_visit)(
            item=tables.item, group=tables.groups[0], visitor=visitor
        )
        frame = await phone.receive_from(timeout=2)
        assert (
            frame.startswith('<section id="gallery-hosts"')
            and "1 visitor at your gallery now" in frame
        )
        await database_sync_to_async(services.comment)(
            item=tables.item, idea=idea, author=visitor, text="Flot plakat", key=uuid.uuid4()
        )
        frame = await phone.receive_from(timeout=2)
        assert "Flot plakat" in frame
        await phone.disconnect()

    async_to_sync(scenario)()


def _start_countdown(seminar, seconds: int):
    LiveState.objects.filter(seminar=seminar).update(timer_remaining=seconds, timer_ends_at=None)
    return program_services.start_timer(
        seminar=seminar, version=program_selectors.live_state(seminar).version
    )


def test_the_countdown_running_out_moves_the_rota_on_once(vernissage, seminar, projector_client):
    state = _start_countdown(seminar, 60)

    assert timers.ran_out(seminar.pk, state.timer_ends_at) is True
    assert timers.ran_out(seminar.pk, state.timer_ends_at) is True  # a second call for the same end
    projector = projector_client.get(
        f"/s/{seminar.slug}/projector/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert Vernissage.objects.get(item=vernissage.item).turn == 1
    assert "Hosts, turn 2" in projector


def test_a_countdown_paused_or_changed_before_its_end_moves_nothing(vernissage, seminar):
    first = _start_countdown(seminar, 60)
    longer = program_services.add_timer_minutes(seminar=seminar, version=first.version, minutes=2)
    assert (
        timers.ran_out(seminar.pk, first.timer_ends_at) is False
    )  # the old end: the countdown changed
    program_services.pause_timer(
        seminar=seminar, version=program_selectors.live_state(seminar).version
    )
    assert timers.ran_out(seminar.pk, longer.timer_ends_at) is False  # paused

    assert vernissage_selectors.state(vernissage.item).turn == 0


def test_the_countdown_moves_the_rota_no_further_than_the_last_turn(vernissage, seminar):
    Vernissage.objects.update_or_create(item=vernissage.item, defaults={"turn": 2, "turns": 3})
    state = _start_countdown(seminar, 60)
    timers.ran_out(seminar.pk, state.timer_ends_at)

    assert Vernissage.objects.get(item=vernissage.item).turn == 2


@pytest.mark.django_db(transaction=True)
def test_in_the_server_the_countdowns_end_moves_the_rota_by_itself(seminar, projector_client):
    """On the server's event loop (the socket's connect attaches it), as in daphne: start, wait."""

    brainstorm = seat(seminar, "brainstorm", position=1)
    tables = seat(seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)
    LiveState.objects.filter(seminar=seminar).update(timer_remaining=1, timer_ends_at=None)

    async def scenario():
        socket = screen(seminar.slug, "projector", projector_client)
        assert (await socket.connect())[0]
        assert "Hosts, turn 1" in await socket.receive_from(timeout=3)
        version = await database_sync_to_async(
            lambda: program_selectors.live_state(seminar).version
        )()
        await database_sync_to_async(program_services.start_timer)(seminar=seminar, version=version)
        loop = asyncio.get_running_loop()
        deadline, moved = loop.time() + 6, False
        while not moved and loop.time() < deadline:
            moved = "Hosts, turn 2" in await socket.receive_from(
                timeout=max(0.01, deadline - loop.time())
            )
        await socket.disconnect()
        assert moved, "the rota did not move when the countdown ran out"
        # The renderer goes on with the phones' and tablets' frames: let it finish within the test.
        await asyncio.get_running_loop().run_in_executor(
            None, lambda: live._renderer.submit(int).result(5)
        )

    async_to_sync(scenario)()
    assert Vernissage.objects.get(item=tables.item).turn == 1


def test_the_closing_remarks_being_typed_keep_their_key_until_they_are_saved(vernissage, seminar):
    """live.js keeps a keyed element through pushes: the key changes only with the saved text."""

    def key() -> str:
        return vernissage_selectors.tablet(vernissage.item)["closing_key"]

    before = key()
    idea = Idea.objects.filter(group=vernissage.groups[0]).first()
    services.comment(
        item=vernissage.item,
        idea=idea,
        author=vernissage.people[1][0],
        text="Flot",
        key=uuid.uuid4(),
    )
    assert key() == before  # a comment pushes the tablet; what is being typed stays
    services.show_closing(item=vernissage.item, text="Vi så plakater", shown=True)
    assert key() != before
