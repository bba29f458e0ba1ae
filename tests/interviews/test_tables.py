import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.test import Client

from interviews import services
from interviews.models import TableCard
from program import selectors as program_selectors
from program import services as program_services
from tests import factories
from tests.interviews.conftest import add_interview_items, phone_of, publish_tables, save
from tests.sockets import screen

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def go_to(seminar, item):
    program_services.jump(
        seminar=seminar, version=program_selectors.live_state(seminar).version, item=item
    )


def card(item, author, text="Alle vil have hurtigere svar", kind="thread", key=None):
    return services.add_card(
        item=item, author=author, kind=kind, text=text, key=key or uuid.uuid4()
    )


def test_before_the_tables_open_nobody_reads_another_interview(
    seminar, people, tables, tables_item
):
    mine, mate = people[0], people[1]
    save(mate, said="Min nabos hemmelige historie")

    for path in ("", "homework/", "homework/interview/"):
        html = phone_of(mine).get(f"/s/{seminar.slug}/{path}").content.decode()
        assert "Min nabos hemmelige historie" not in html


def test_when_the_tables_open_members_read_their_own_tables_interviews_only(
    seminar, people, tables, tables_item
):
    save(
        people[1], who="Ung iværksætter", said="Kommunen hjalp med lokaler", quotes="Det gik stærkt"
    )
    save(people[2], who="Landmand", said="Der er for mange skemaer")
    go_to(seminar, tables_item)

    mate = (
        phone_of(people[0]).get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    other = (
        phone_of(people[3]).get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )

    assert "Interviews at Bord 1" in mate and "Kommunen hjalp med lokaler" in mate
    assert "<q>Det gik stærkt</q>" in mate and f"Interviewed by <bdi>{people[1].name}</bdi>" in mate
    assert "Der er for mange skemaer" not in mate
    assert "Der er for mange skemaer" in other and "Kommunen hjalp med lokaler" not in other
    assert f"No interview from: <bdi>{people[0].name}</bdi>" in mate


def test_a_hidden_interview_leaves_the_table(
    seminar, people, tables, tables_item, facilitator_client
):
    interview = save(people[1], said="Skjul denne")
    go_to(seminar, tables_item)
    plenum = seminar.days.first().items.get(kind="interview_plenum")

    facilitator_client.post(
        f"/s/{seminar.slug}/run/interviews/{plenum.pk}/{interview.pk}/", {"action": "hide"}
    )

    assert "Skjul denne" not in phone_of(people[0]).get(f"/s/{seminar.slug}/").content.decode()


def test_a_hostile_interview_is_shown_as_text_at_the_table(seminar, people, tables, tables_item):
    save(people[1], said=HOSTILE)
    go_to(seminar, tables_item)

    html = phone_of(people[0]).get(f"/s/{seminar.slug}/").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<img src=x" not in html


def test_a_card_goes_to_the_authors_table_once_per_key(people, tables, tables_item):
    key = uuid.uuid4()

    first = card(tables_item, people[0], key=key)
    again = card(tables_item, people[0], key=key, text="Sent again")

    assert first.pk == again.pk and first.group.name == "Bord 1"
    assert list(TableCard.objects.values_list("text", flat=True)) == [
        "Alle vil have hurtigere svar"
    ]


def test_cards_are_refused_for_another_kind_of_item_or_someone_without_a_table(
    seminar, people, tables, tables_item
):
    with pytest.raises(services.NotOpen):
        card(factories.items(seminar)[0], people[0])
    with pytest.raises(services.NotOpen):
        card(tables_item, factories.participant(seminar, name="Kom for sent"))


def test_the_phone_adds_a_card_through_its_panel(seminar, people, tables, tables_item):
    go_to(seminar, tables_item)
    phone = phone_of(people[0])
    panel = phone.get(
        f"/s/{seminar.slug}/panel/{tables_item.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    key = panel.split('name="key" value="', 1)[1].split('"', 1)[0]

    response = phone.post(
        f"/s/{seminar.slug}/interviews/{tables_item.pk}/cards/",
        {"key": key, "kind": "difference", "text": "Land og by oplever det forskelligt"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    page = phone_of(people[1]).get(f"/s/{seminar.slug}/").content.decode()

    assert "The card is on your table's list." in response.content.decode()
    assert (
        '<ul class="cards" id="cards-difference" hx-disable>'
        "<li>Land og by oplever det forskelligt</li>" in page
    )


@pytest.mark.parametrize(
    ("text", "message", "status"),
    [
        ("  ", "Write the card&#x27;s text first.", 400),
        ("x" * 301, "Keep it under 300 characters", 400),
    ],
)
def test_an_empty_or_long_card_gets_a_clear_message(
    seminar, people, tables, tables_item, text, message, status
):
    response = phone_of(people[0]).post(
        f"/s/{seminar.slug}/interviews/{tables_item.pk}/cards/",
        {"key": str(uuid.uuid4()), "kind": "thread", "text": text},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == status and message in response.content.decode()
    assert not TableCard.objects.exists()


def test_someone_without_a_table_is_told_so(seminar, people, tables, tables_item):
    late = factories.participant(seminar, name="Kom for sent")
    response = phone_of(late).post(
        f"/s/{seminar.slug}/interviews/{tables_item.pk}/cards/",
        {"key": str(uuid.uuid4()), "kind": "thread", "text": "Hej"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert (
        response.status_code == 409
        and "You are not at a table for this item." in response.content.decode()
    )


def test_the_facilitator_hides_a_card_and_a_participant_cannot(
    seminar, people, tables, tables_item, facilitator_client
):
    go_to(seminar, tables_item)
    found = card(tables_item, people[0], text="Fjern mig")

    refused = phone_of(people[1]).post(
        f"/s/{seminar.slug}/run/interviews/cards/{found.pk}/", {"action": "hide"}
    )
    assert refused.status_code == 302 and not TableCard.objects.get().hidden
    tablet = facilitator_client.get(
        f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Fjern mig" in tablet and "0 of 2 interviews handed in" in tablet

    response = facilitator_client.post(
        f"/s/{seminar.slug}/run/interviews/cards/{found.pk}/", {"action": "hide"}
    )

    assert response.status_code == 303 and TableCard.objects.get().hidden
    assert "Fjern mig" not in phone_of(people[1]).get(f"/s/{seminar.slug}/").content.decode()


def test_the_tablet_counts_each_tables_interviews(
    seminar, people, tables, tables_item, facilitator_client
):
    save(people[1])
    go_to(seminar, tables_item)

    tablet = facilitator_client.get(
        f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "1 of 2 interviews handed in" in tablet and "0 of 2 interviews handed in" in tablet


@pytest.mark.django_db(transaction=True)
def test_a_new_card_reaches_the_tables_phones_live_and_no_other_table():
    seminar = factories.seminar()
    borde = factories.grouping(seminar, "Borde", label="Bord")
    tables_item, _ = add_interview_items(seminar, borde)
    author, mate, stranger = (
        factories.participant(seminar, name=n) for n in ("Ane", "Bent", "Cita")
    )
    publish_tables(borde, [[author, mate], [stranger]])
    go_to(seminar, tables_item)
    mate_client, stranger_client = Client(), Client()
    mate_client.get(f"/p/{mate.token}/")
    stranger_client.get(f"/p/{stranger.token}/")

    async def scenario():
        mate_phone = screen(seminar.slug, "participant", mate_client)
        stranger_phone = screen(seminar.slug, "participant", stranger_client)
        await mate_phone.connect()
        await stranger_phone.connect()
        snapshot = await mate_phone.receive_from(timeout=2)
        assert 'id="interview-cards"' in snapshot and "Interviews at Bord 1" in snapshot
        await stranger_phone.receive_from(timeout=2)
        await database_sync_to_async(card)(tables_item, author, "Alle savner et fast kontaktpunkt")
        frame = await mate_phone.receive_from(timeout=2)
        assert (
            frame.startswith('<section id="interview-cards"')
            and "Alle savner et fast kontaktpunkt" in frame
        )
        assert await stranger_phone.receive_nothing(timeout=0.3)
        await mate_phone.disconnect()
        await stranger_phone.disconnect()

    async_to_sync(scenario)()


def test_a_hidden_card_can_be_shown_again(seminar, people, tables, tables_item, facilitator_client):
    go_to(seminar, tables_item)
    found = card(tables_item, people[0], text="Tilbage igen")
    url = f"/s/{seminar.slug}/run/interviews/cards/{found.pk}/"
    facilitator_client.post(url, {"action": "hide"})
    tablet = facilitator_client.get(
        f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert (
        f'id="card-show-{found.pk}" data-focus-after="card-hide-{found.pk}">Show again</button>'
        in tablet
    )

    response = facilitator_client.post(url, {"action": "show"})

    assert response.status_code == 303 and not TableCard.objects.get().hidden
    assert "Tilbage igen" in phone_of(people[1]).get(f"/s/{seminar.slug}/").content.decode()
