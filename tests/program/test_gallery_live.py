"""The vernissage's gallery pages follow the room over the phone's socket (issue 13, point 5):
a visitor who becomes a host is told there, and after the block they take no more comments."""

import re
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from program import selectors as program_selectors
from program import services as program_services
from program.ideas import services as ideas
from program.models import Comment
from program.vernissage import services
from tests import factories
from tests.program.tables import seat
from tests.program.test_vernissage import client_for, gallery_url, turn_region
from tests.sockets import screen

CLOSED = "Comments are taken only while the vernissage is on."


@pytest.fixture
def vernissage(seminar):
    """Two tables (four and three members) with an idea each, then their vernissage, on now."""
    brainstorm = seat(seminar, "brainstorm", sizes=(4, 3), position=1)
    for number, people in enumerate(brainstorm.people, start=1):
        ideas.submit_idea(
            item=brainstorm.item, author=people[0], text=f"Idé fra bord {number}", key=uuid.uuid4()
        )
    return seat(seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)


def page(participant, tables, index) -> str:
    return (
        client_for(participant)
        .get(gallery_url(tables, index), HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )


def person_part(html: str) -> str:
    """The phone's own part as the page holds it: where its marks are."""
    return re.search(r'<div id="activity-person"[^>]*>.*?</div>(?:</div>)?', html, re.DOTALL).group(
        0
    )


def move_on(tables):
    """The facilitator moves the room on to the item after the vernissage."""
    seminar = tables.item.day.seminar
    items = factories.items(seminar)
    after = items[[item.pk for item in items].index(tables.item.pk) + 1]
    program_services.jump(
        seminar=seminar, version=program_selectors.live_state(seminar).version, item=after
    )
    return after


def test_a_gallery_page_opens_the_phones_socket_with_its_marks_and_its_own_tables_turn(vernissage):
    visitor = vernissage.people[1][0]  # at table 2, visiting table 1
    own_hosts = vernissage.people[1][:1]  # three members, three turns: one host a turn
    item = vernissage.item

    html = page(visitor, vernissage, 0)

    assert f'data-live-url="/ws/s/{item.day.seminar.slug}/participant/"' in html
    assert f'data-for="item-{item.pk}"' in person_part(html)
    assert f'data-marks="p-{visitor.pk} vernissage-{item.pk}"' in person_part(html)
    assert f'data-if-mark="{" ".join(f"p-{p.pk}" for p in own_hosts)}"' in turn_region(html)
    assert f'id="gallery-closed" data-unless-mark="vernissage-{item.pk}" hidden>' in html
    assert f'data-if-mark="vernissage-{item.pk}">' in html  # the comment forms show by the marks
    listing = (
        client_for(visitor).get(f"/s/{item.day.seminar.slug}/galleries/{item.pk}/").content.decode()
    )
    assert (
        "data-live-url" in listing
        and 'id="gallery-turn"' in listing
        and 'id="activity-person"' in listing
    )


def test_after_the_block_the_gallery_says_so_and_refuses_comments_keeping_the_text(vernissage):
    visitor, idea = vernissage.people[1][0], vernissage.groups[0].ideas.get()
    move_on(vernissage)

    html = page(visitor, vernissage, 0)
    response = client_for(visitor).post(
        f"/s/{vernissage.item.day.seminar.slug}/galleries/comment/{idea.pk}/",
        {"item": vernissage.item.pk, "key": str(uuid.uuid4()), "text": "For sent"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert CLOSED in html and 'id="gallery-closed" data-unless-mark' in html
    assert (
        f'id="gallery-closed" data-unless-mark="vernissage-{vernissage.item.pk}" hidden' not in html
    )
    assert (
        f'data-if-mark="vernissage-{vernissage.item.pk}" hidden>' in html
    )  # the comment form gives way
    assert "my-marks" not in person_part(html)
    assert response.status_code == 409 and CLOSED in response.content.decode()
    assert 'value="For sent"' in response.content.decode()  # what was typed stays in the form
    assert not Comment.objects.exists()


def test_a_comment_saved_before_the_block_is_answered_again_after_it(vernissage):
    visitor, idea, key = vernissage.people[1][0], vernissage.groups[0].ideas.get(), uuid.uuid4()
    first = services.comment(item=vernissage.item, idea=idea, author=visitor, text="Flot", key=key)
    move_on(vernissage)

    assert (
        services.comment(item=vernissage.item, idea=idea, author=visitor, text="Flot", key=key)
        == first
    )
    with pytest.raises(services.NotOn):
        services.comment(
            item=vernissage.item, idea=idea, author=visitor, text="Igen", key=uuid.uuid4()
        )


def test_the_gallery_pages_minute_refresh_brings_its_tables_turn_again(vernissage):
    visitor = vernissage.people[1][0]
    services.next_turn(item=vernissage.item)
    host_now = vernissage.people[1][1]

    response = client_for(visitor).post(
        f"/s/{vernissage.item.day.seminar.slug}/galleries/{vernissage.item.pk}/{vernissage.groups[0].pk}/here/",
        HTTP_HX_REQUEST="true",
    )

    assert response.content.decode().startswith('<div id="gallery-turn"')
    assert f'data-if-mark="p-{host_now.pk}"' in response.content.decode()


async def frame_with(socket, start: str) -> str:
    for _ in range(20):
        frame = await socket.receive_from(timeout=3)
        if start in frame:
            return frame
    raise AssertionError(f"no frame with {start}")


@pytest.mark.django_db(transaction=True)
def test_on_its_socket_a_visitor_is_told_of_becoming_a_host_and_the_marks_leave_with_the_block(
    vernissage,
):
    visitor = vernissage.people[0][2]  # table 1 hosts in turn 2: its third and fourth member
    html = page(visitor, vernissage, 1)
    assert 'id="gallery-turn"' in html and f"p-{visitor.pk}" not in turn_region(html)
    client = client_for(visitor)

    async def scenario():
        phone = screen(vernissage.item.day.seminar.slug, "participant", client)
        await phone.connect()
        await phone.receive_from(timeout=3)  # the snapshot
        await database_sync_to_async(services.next_turn)(item=vernissage.item)
        turn = await frame_with(phone, '<div id="gallery-turn"')
        after = await database_sync_to_async(move_on)(vernissage)
        room = await frame_with(phone, 'id="activity-person"')
        await phone.disconnect()
        return turn, after, room

    turn, after, room = async_to_sync(scenario)()

    assert (
        turn.startswith('<div id="gallery-turn"') and f"p-{visitor.pk}" in turn
    )  # "you host now" shows
    part = person_part(room)
    assert f'data-placeholder-for="item-{after.pk}"' in part and "my-marks" not in part


def test_a_facilitator_sees_a_gallery_without_a_phones_socket_or_forms(
    vernissage, facilitator_client
):
    for url in (
        gallery_url(vernissage, 0),
        f"/s/{vernissage.item.day.seminar.slug}/galleries/{vernissage.item.pk}/",
    ):
        html = facilitator_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

        assert "data-live-url" not in html and 'id="activity-person"' not in html
        assert "/galleries/comment/" not in html and CLOSED not in html
