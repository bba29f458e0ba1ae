import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.test import Client

from groups import selectors, services
from groups.models import Membership, Round
from program import services as program_services
from tests import factories
from tests.sockets import screen


@pytest.fixture
def tables(seminar):
    for department, size in {"Børn": 8, "Social": 6, "Teknik": 4}.items():
        dept = factories.department(seminar, department)
        for _ in range(size):
            factories.participant(seminar, department=dept)
    grouping = factories.grouping(seminar, "Borde", group_size=6, label="Bord")
    item = factories.items(seminar)[1]
    item.grouping = grouping
    item.save()
    return grouping


def round_url(seminar, grouping, action: str = "") -> str:
    return f"/s/{seminar.slug}/groups/{grouping.pk}/round/1/{action + '/' if action else ''}"


def phone_for(person) -> Client:
    client = Client()
    client.get(f"/p/{person.token}/")
    return client


def test_facilitator_forms_previews_and_publishes_a_round(facilitator_client, seminar, tables):
    response = facilitator_client.post(
        round_url(seminar, tables, "form"), HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )

    html = response.content.decode()
    assert "Bord 1" in html and "Bord 3" in html
    assert "Repeated pairs" in html and "draft" in html
    facilitator_client.post(round_url(seminar, tables, "publish"))
    assert Round.objects.get(grouping=tables, number=1).published_at is not None


def test_round_page_before_forming_offers_to_form_the_groups(facilitator_client, seminar, tables):
    response = facilitator_client.get(round_url(seminar, tables), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="form-round">Form the groups</button>' in html
    assert 'id="publish-round"' not in html
    assert not Round.objects.exists()


def test_participant_cannot_reach_group_actions(phone_client, seminar, tables):
    for action in ("form", "publish", "rebalance", "move"):
        response = phone_client.post(round_url(seminar, tables, action))
        assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert not Round.objects.exists()


def test_phone_shows_only_its_own_group_when_the_program_reaches_it(seminar, tables):
    round_ = services.form_round(grouping=tables, number=1, seed=1)
    services.publish_round(round_=round_)
    program_services.jump(seminar=seminar, version=1, item=factories.items(seminar)[1])
    (group_a, members_a), (group_b, members_b) = selectors.round_members(round_)[:2]

    html = (
        phone_for(members_a[0])
        .get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )

    assert f"Your group now: {group_a.name}" in html
    assert all(person.name in html for person in members_a)
    assert not any(person.name in html for person in members_b)


def test_move_warning_fragment_explains_the_cost(facilitator_client, seminar, tables):
    round_ = services.form_round(grouping=tables, number=1, seed=1)
    (group_a, members_a), (group_b, _) = selectors.round_members(round_)[:2]

    response = facilitator_client.get(
        round_url(seminar, tables, "move/check"),
        {"participant": members_a[0].pk, "group": group_b.pk},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.content.decode().startswith('<p id="move-warning"')


def test_rebalance_says_who_moved(facilitator_client, seminar, tables):
    round_ = services.form_round(grouping=tables, number=1, seed=1)
    services.publish_round(round_=round_)
    absent = Membership.objects.filter(round=round_).first().participant
    facilitator_client.post(f"/s/{seminar.slug}/people/{absent.pk}/presence/", {"present": "0"})

    response = facilitator_client.post(
        round_url(seminar, tables, "rebalance"), HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )

    html = response.content.decode()
    assert "Re-balanced with" in html and absent.name in html and "left (absent)" in html


def test_print_lists_show_every_group_with_members(facilitator_client, seminar, tables):
    round_ = services.form_round(grouping=tables, number=1, seed=1)

    html = facilitator_client.get(round_url(seminar, tables, "print")).content.decode()

    assert html.count('class="print-group"') == 3
    assert all(p.name in html for _, people in selectors.round_members(round_) for p in people)


@pytest.mark.django_db(transaction=True)
def test_phones_update_live_when_published_and_when_someone_moves(seminar, tables):
    round_ = services.form_round(grouping=tables, number=1, seed=1)
    program_services.jump(seminar=seminar, version=1, item=factories.items(seminar)[1])
    (group_a, members_a), (group_b, members_b) = selectors.round_members(round_)[:2]
    mover, stayer = members_a[0], members_b[0]
    phones = {person.pk: phone_for(person) for person in (mover, stayer)}

    async def scenario():
        sockets = {pk: screen(seminar.slug, "participant", client) for pk, client in phones.items()}
        for socket in sockets.values():
            await socket.connect()
            assert "Your group now:" not in await socket.receive_from(timeout=2)

        await database_sync_to_async(services.publish_round)(round_=round_)
        assert f"Your group now: {group_a.name}" in await socket_text(sockets[mover.pk])
        assert f"Your group now: {group_b.name}" in await socket_text(sockets[stayer.pk])

        await database_sync_to_async(services.move_person)(
            round_=round_, participant=mover, group=group_b
        )
        moved = await socket_text(sockets[mover.pk])
        assert f"Your group now: {group_b.name}" in moved and stayer.name in moved
        assert mover.name in await socket_text(sockets[stayer.pk])
        for socket in sockets.values():
            await socket.disconnect()

    async_to_sync(scenario)()


async def socket_text(socket) -> str:
    """The next frame that carries a "your group" section."""
    while True:
        frame = await socket.receive_from(timeout=3)
        if 'id="phone-group"' in frame and "Your group now:" in frame:
            return frame
