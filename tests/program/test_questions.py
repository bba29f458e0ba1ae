import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.test import Client

from program import services as program_services
from program.models import AgendaItem, Question
from program.questions import services
from seminar.submissions import PACE_LIMIT, TooFast
from tests import factories
from tests.sockets import screen

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> hx-get="/run/step/"'


@pytest.fixture
def interview(seminar):
    item = factories.items(seminar)[1]
    item.kind = "questions"
    item.save()
    program_services.jump(seminar=seminar, version=1, item=item)
    return item


def ask(item, author, text="Hvordan måler vi visionen?", key=None, anonymous=False):
    return services.ask(
        item=item, author=author, text=text, anonymous=anonymous, key=key or uuid.uuid4()
    )


def test_asking_twice_with_the_same_key_stores_one_question(interview, participant):
    key = uuid.uuid4()

    first = ask(interview, participant, key=key)
    again = ask(interview, participant, key=key)

    assert first == again
    assert Question.objects.count() == 1


def test_questions_are_refused_for_another_kind_of_item(seminar, participant):
    coffee = factories.items(seminar)[0]

    with pytest.raises(services.NotOpen):
        ask(coffee, participant)


def test_too_many_questions_too_fast_are_refused(interview, participant):
    for _ in range(PACE_LIMIT):
        ask(interview, participant)

    with pytest.raises(TooFast):
        ask(interview, participant)


def test_vote_toggles_and_ranks(interview, seminar, participant):
    other = factories.participant(seminar)
    _, high = ask(interview, participant, "A"), ask(interview, participant, "B")

    assert services.toggle_vote(question=high, voter=other) is True
    assert [q.text for q in Question.objects.filter(item=interview).ranked()] == ["B", "A"]
    assert services.toggle_vote(question=high, voter=other) is False
    assert Question.objects.filter(item=interview).ranked().get(pk=high.pk).votes == 0


def test_anonymous_question_hides_the_name_from_the_room_but_not_the_tablet(
    interview, participant, phone_client, facilitator_client, seminar
):
    ask(interview, participant, "Hvem betaler?", anonymous=True)

    phone = phone_client.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    tablet = facilitator_client.get(
        f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "Hvem betaler?" in phone and "Anonymous" in phone
    assert participant.name in tablet and "anonymous to the room" in tablet
    assert phone.count(participant.name) == 1  # only in the phone's own header


def test_phone_asks_through_the_panel_and_gets_a_fresh_form(interview, phone_client, seminar):
    panel = phone_client.get(
        f"/s/{seminar.slug}/panel/{interview.pk}/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    key = panel.split('name="key" value="', 1)[1].split('"', 1)[0]

    response = phone_client.post(
        f"/s/{seminar.slug}/questions/{interview.pk}/ask/",
        {"key": key, "text": "Hvad med kulturen?"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    retried = phone_client.post(
        f"/s/{seminar.slug}/questions/{interview.pk}/ask/",
        {"key": key, "text": "Hvad med kulturen?"},
        HTTP_HX_REQUEST="true",
    )

    assert "your question is on the list" in response.content.decode()
    assert key not in response.content.decode()
    assert retried.status_code == 200
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [("   ", "Write your question first."), ("x" * 281, "Keep it under 280 characters")],
)
def test_empty_or_long_question_gets_a_clear_message(
    interview, phone_client, seminar, text, message
):
    response = phone_client.post(
        f"/s/{seminar.slug}/questions/{interview.pk}/ask/",
        {"key": str(uuid.uuid4()), "text": text},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_a_participant_cannot_moderate(interview, participant, phone_client, seminar):
    question = ask(interview, participant)

    response = phone_client.post(
        f"/s/{seminar.slug}/run/questions/{question.pk}/", {"action": "hide"}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert not question.hidden


def test_featured_hostile_question_shows_as_text_on_the_projector(
    interview, participant, facilitator_client, projector_client, seminar
):
    question = ask(interview, participant, HOSTILE)

    facilitator_client.post(
        f"/s/{seminar.slug}/run/questions/{question.pk}/", {"action": "feature"}
    )
    html = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html


def test_hidden_question_leaves_the_phones(
    interview, participant, facilitator_client, phone_client, seminar
):
    question = ask(interview, participant, "Skjul mig")

    facilitator_client.post(f"/s/{seminar.slug}/run/questions/{question.pk}/", {"action": "hide"})

    assert "Skjul mig" not in phone_client.get(f"/s/{seminar.slug}/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_new_question_reaches_other_phones_live(seminar):
    item = AgendaItem.objects.filter(day__seminar=seminar).order_by("position")[1]
    item.kind = "questions"
    item.save()
    program_services.jump(seminar=seminar, version=1, item=item)
    author, reader = factories.participant(seminar), factories.participant(seminar)
    reader_client = Client()
    reader_client.get(f"/p/{reader.token}/")

    async def scenario():
        phone = screen(seminar.slug, "participant", reader_client)
        await phone.connect()
        snapshot = await phone.receive_from(timeout=2)
        assert 'id="activity-panel"' in snapshot and 'id="questions-list"' in snapshot
        await database_sync_to_async(ask)(item, author, "Hvornår starter vi?")
        frame = await phone.receive_from(timeout=2)
        assert frame.startswith('<section id="questions-list"') and "Hvornår starter vi?" in frame
        await phone.disconnect()

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_a_phone_connected_before_the_questions_gets_its_marks_when_they_begin(seminar):
    item = AgendaItem.objects.filter(day__seminar=seminar).order_by("position")[1]
    item.kind = "questions"
    item.save()
    voter = factories.participant(seminar)
    voter_client = Client()
    voter_client.get(f"/p/{voter.token}/")

    async def scenario():
        phone = screen(seminar.slug, "participant", voter_client)
        await phone.connect()
        snapshot = await phone.receive_from(timeout=2)
        assert 'id="my-marks"' not in snapshot
        await database_sync_to_async(program_services.jump)(seminar=seminar, version=1, item=item)
        frames = [await phone.receive_from(timeout=2), await phone.receive_from(timeout=2)]
        # The room's frame, and this phone's own snapshot with the target its votes answer into.
        assert (
            sum('<div id="my-marks" data-marks="" hidden></div>' in frame for frame in frames) == 1
        )
        await phone.disconnect()

    async_to_sync(scenario)()


def test_answered_questions_sink_to_the_end_on_every_database(interview, seminar, participant):
    first, _ = ask(interview, participant, "Først"), ask(interview, participant, "Bagefter")
    services.toggle_vote(question=first, voter=factories.participant(seminar))

    services.mark_answered(question=first)

    assert [q.text for q in Question.objects.filter(item=interview).ranked()] == [
        "Bagefter",
        "Først",
    ]
