import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.test import Client

from program.models import TableCard
from program.tabletalk import services
from tests import factories
from tests.program.tables import seat
from tests.sockets import screen

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def talk(seminar):
    return seat(seminar, "table_talk")


def card(talk, author, text="Mere samarbejde", kind="possibility", key=None):
    return services.submit_card(
        item=talk.item, author=author, kind=kind, text=text, key=key or uuid.uuid4()
    )


def client_for(participant) -> Client:
    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


def test_card_goes_to_the_authors_table_once_per_key(talk):
    key, author = uuid.uuid4(), talk.people[1][1]

    first = card(talk, author, key=key)
    again = card(talk, author, key=key)

    assert first == again
    assert [(c.group, c.kind, c.text) for c in TableCard.objects.all()] == [
        (talk.groups[1], "possibility", "Mere samarbejde")
    ]


def test_someone_without_a_table_cannot_send_a_card(talk, seminar):
    with pytest.raises(services.NoTable):
        card(talk, factories.participant(seminar))


def test_phone_sends_a_card_and_the_table_sees_it_by_kind(talk, seminar):
    author, neighbour = talk.people[0][:2]
    phone = client_for(author)

    response = phone.post(
        f"/s/{seminar.slug}/tables/{talk.item.pk}/card/",
        {"key": str(uuid.uuid4()), "kind": "challenge", "text": "For lidt tid"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = (
        client_for(neighbour).get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )

    assert "your card is on your table" in response.content.decode()
    challenges = html.split('id="table-cards"', 1)[1].split("Challenges", 1)[1]
    assert "For lidt tid" in challenges


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "possibility", "text": "  "}, "Write your card first."),
        ({"kind": "possibility", "text": "x" * 201}, "Keep it under 200 characters"),
        ({"kind": "", "text": "Noget"}, "Choose possibility or challenge."),
    ],
)
def test_bad_card_gets_a_clear_message(talk, seminar, data, message):
    response = client_for(talk.people[0][0]).post(
        f"/s/{seminar.slug}/tables/{talk.item.pk}/card/",
        {"key": str(uuid.uuid4()), **data},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TableCard.objects.exists()


def test_facilitator_puts_one_table_then_all_tables_on_the_projector(
    talk, seminar, facilitator_client, projector_client
):
    card(talk, talk.people[0][0], "Bord et mulighed")
    card(talk, talk.people[1][0], "Bord to udfordring", kind="challenge")
    url = f"/s/{seminar.slug}/run/tables/{talk.item.pk}/show/"

    facilitator_client.post(url, {"mode": "table", "group": talk.groups[0].pk})
    one = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()
    facilitator_client.post(url, {"mode": "all"})
    every = projector_client.get(
        f"/s/{seminar.slug}/projector/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "Bord et mulighed" in one and "Bord to udfordring" not in one
    possibilities, challenges = every.split('id="table-cards-shown"', 1)[1].split("Challenges", 1)
    assert "Bord et mulighed" in possibilities and "Bord to udfordring" in challenges
    assert "Bord 2</span>" in challenges


def test_a_participant_cannot_choose_the_projector_or_hide_cards(talk, seminar):
    sent = card(talk, talk.people[0][0])
    phone = client_for(talk.people[0][0])

    assert (
        phone.post(
            f"/s/{seminar.slug}/run/tables/{talk.item.pk}/show/", {"mode": "all"}
        ).status_code
        == 302
    )
    assert (
        phone.post(f"/s/{seminar.slug}/run/tables/cards/{sent.pk}/", {"action": "hide"}).status_code
        == 302
    )
    sent.refresh_from_db()
    assert not sent.hidden


def test_hostile_card_shows_as_text_on_the_projector(
    talk, seminar, facilitator_client, projector_client
):
    card(talk, talk.people[0][0], HOSTILE)

    facilitator_client.post(f"/s/{seminar.slug}/run/tables/{talk.item.pk}/show/", {"mode": "all"})
    html = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html


@pytest.mark.django_db(transaction=True)
def test_a_card_reaches_the_other_phones_at_the_table_live(seminar):
    talk = seat(seminar, "table_talk")
    author, reader = talk.people[0][:2]
    stranger = talk.people[1][0]

    reader_client, stranger_client = client_for(reader), client_for(stranger)

    async def scenario():
        phone = screen(seminar.slug, "participant", reader_client)
        elsewhere = screen(seminar.slug, "participant", stranger_client)
        for socket in (phone, elsewhere):
            await socket.connect()
            assert 'id="table-cards"' in await socket.receive_from(timeout=2)
        await database_sync_to_async(card)(talk, author, "Live kort")
        frame = await phone.receive_from(timeout=2)
        assert frame.startswith('<section id="table-cards"') and "Live kort" in frame
        assert await elsewhere.receive_nothing(timeout=0.3)
        for socket in (phone, elsewhere):
            await socket.disconnect()

    async_to_sync(scenario)()


def test_the_facilitator_hides_a_card_and_shows_it_again(talk, seminar, facilitator_client):
    sent = card(talk, talk.people[0][0], "Tilbage på bordet")
    url = f"/s/{seminar.slug}/run/tables/cards/{sent.pk}/"
    facilitator_client.post(url, {"action": "hide"})
    sent.refresh_from_db()
    assert sent.hidden
    tablet = facilitator_client.get(
        f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert (
        f'value="show" id="card-show-{sent.pk}" data-focus-after="card-hide-{sent.pk}">Show again'
        in tablet
    )

    facilitator_client.post(url, {"action": "show"})

    sent.refresh_from_db()
    assert not sent.hidden
    assert (
        "Tilbage på bordet"
        in client_for(talk.people[0][1]).get(f"/s/{seminar.slug}/").content.decode()
    )


def test_every_card_is_listed_for_the_facilitator_a_page_at_a_time(
    talk, seminar, facilitator_client
):
    people = [person for table in talk.people for person in table]  # a pace limit per person
    sent = [card(talk, people[n % len(people)], f"Kort {n:02d}") for n in range(55)]
    tablet = facilitator_client.get(
        f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Kort 54" in tablet and "Kort 24" not in tablet  # the tablet shows the 30 newest
    assert (
        f'href="/s/{seminar.slug}/run/tables/{talk.item.pk}/cards/" id="all-cards">All 55 cards</a>'
        in tablet
    )

    first = facilitator_client.get(
        f"/s/{seminar.slug}/run/tables/{talk.item.pk}/cards/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    second = facilitator_client.get(
        f"/s/{seminar.slug}/run/tables/{talk.item.pk}/cards/?page=2", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "Kort 54" in first and "Kort 05" in first and "Kort 04" not in first
    assert "Page 1 of 2" in first and "Kort 04" in second and "Kort 00" in second
    response = facilitator_client.post(
        f"/s/{seminar.slug}/run/tables/cards/{sent[0].pk}/",
        {"action": "hide", "answer": "row"},
        HTTP_HX_REQUEST="true",
    )
    assert f'id="card-show-{sent[0].pk}"' in response.content.decode()
    assert (
        client_for(talk.people[0][0])
        .get(f"/s/{seminar.slug}/run/tables/{talk.item.pk}/cards/")
        .status_code
        == 302
    )
