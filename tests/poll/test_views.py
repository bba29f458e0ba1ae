"""Phones vote over HTTP (htmx or a plain form); facilitators open, close, reset and show the
results; nobody else does either."""

import re

import pytest
from django.test import Client

from program.poll import services
from program.poll.models import Poll, Vote
from tests import factories
from tests.poll.conftest import make_poll

HX = {"HTTP_HX_REQUEST": "true", "HTTP_ACCEPT_LANGUAGE": "en"}


def vote_url(item) -> str:
    return f"/s/{item.day.seminar.slug}/poll/{item.pk}/vote/"


def control_url(item) -> str:
    return f"/s/{item.day.seminar.slug}/run/poll/{item.pk}/"


def chosen(item, participant) -> list[int]:
    return sorted(
        Vote.objects.filter(item=item, voter=participant).values_list("option", flat=True)
    )


def test_a_phone_votes_with_htmx_and_sees_its_vote_marked(open_poll, participant, phone_client):
    response = phone_client.post(vote_url(open_poll), {"option": "1"}, **HX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<section id="poll-ballot"')
    assert re.search(r'value="1" id="poll-option-1" checked', html)
    assert "Your vote: <strong>Well-being</strong>." in html
    assert "Change my vote" in html
    assert chosen(open_poll, participant) == [1]


def test_a_plain_form_vote_goes_back_to_the_phone_page_which_marks_it(
    open_poll, participant, phone_client
):
    response = phone_client.post(vote_url(open_poll), {"option": "2"})
    page = phone_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="da").content.decode()

    assert (
        response.status_code == 303 and response["Location"] == f"/s/{open_poll.day.seminar.slug}/"
    )
    assert re.search(r'value="2" id="poll-option-2" checked', page)
    assert "<legend>" in page and 'type="radio"' in page
    assert "Din stemme: <strong>Digitalisering</strong>." in page


def test_multiple_choice_is_a_checkbox_fieldset(seminar, participant, phone_client):
    item = make_poll(seminar, choice="multiple")
    services.open_poll(item=item)

    response = phone_client.post(vote_url(item), {"option": ["0", "2"]}, **HX)

    assert response.content.decode().count('type="checkbox"') == 3
    assert chosen(item, participant) == [0, 2]


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({}, 400, "Choose an option first."),
        ({"option": "7"}, 400, "That is not one of the options."),
        ({"option": ["0", "1"]}, 400, "Choose only one option."),
    ],
)
def test_a_bad_vote_gets_a_clear_message_and_changes_nothing(
    open_poll, participant, phone_client, data, status, message
):
    response = phone_client.post(vote_url(open_poll), data, **HX)

    assert response.status_code == status
    assert message in response.content.decode() and 'role="alert"' in response.content.decode()
    assert not Vote.objects.exists()


def test_a_vote_on_a_closed_poll_is_refused_with_and_without_htmx(
    open_poll, participant, phone_client
):
    phone_client.post(vote_url(open_poll), {"option": "0"}, **HX)
    services.close_poll(item=open_poll)

    htmx = phone_client.post(vote_url(open_poll), {"option": "1"}, **HX)
    plain = phone_client.post(vote_url(open_poll), {"option": "1"}, HTTP_ACCEPT_LANGUAGE="en")

    assert htmx.status_code == plain.status_code == 409
    assert "Voting is closed." in htmx.content.decode()
    assert "<html" in plain.content.decode() and "Voting is closed." in plain.content.decode()
    assert chosen(open_poll, participant) == [0]


def test_an_unbound_phone_and_another_seminars_phone_are_refused(open_poll, seminar):
    stranger = Client()
    other = Client()
    other.get(f"/p/{factories.participant(factories.seminar()).token}/")

    assert stranger.post(vote_url(open_poll), {"option": "0"}).status_code == 403
    assert other.post(vote_url(open_poll), {"option": "0"}).status_code == 403
    assert not Vote.objects.exists()


def test_a_poll_of_another_seminar_is_not_found(open_poll, phone_client, seminar):
    elsewhere = make_poll(factories.seminar(), on=False)
    services.open_poll(item=elsewhere)

    response = phone_client.post(f"/s/{seminar.slug}/poll/{elsewhere.pk}/vote/", {"option": "0"})

    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_a_vote_without_the_csrf_token_is_refused(open_poll, participant):
    phone = Client(enforce_csrf_checks=True)
    phone.get(f"/p/{participant.token}/")

    assert phone.post(vote_url(open_poll), {"option": "0"}).status_code == 403
    assert not Vote.objects.exists()


def test_the_facilitator_opens_shows_closes_and_resets(poll, participant, facilitator_client):
    opened = facilitator_client.post(control_url(poll), {"action": "open"}, **HX)
    services.vote(item=poll, voter=participant, options=[0])
    shown = facilitator_client.post(control_url(poll), {"action": "show"}, **HX)
    closed = facilitator_client.post(control_url(poll), {"action": "close"})

    assert (
        "Close voting" in opened.content.decode() and 'id="poll-tablet"' in opened.content.decode()
    )
    assert "The results are on the projector and the phones." in shown.content.decode()
    assert closed.status_code == 303 and closed["Location"] == f"/s/{poll.day.seminar.slug}/run/"
    state = Poll.objects.get(item=poll)
    assert (state.status, state.results_shown) == (Poll.Status.CLOSED, True)

    unconfirmed = facilitator_client.post(control_url(poll), {"action": "reset"}, **HX)
    assert unconfirmed.status_code == 400
    assert "Tick the box to confirm that every vote is deleted." in unconfirmed.content.decode()
    assert Vote.objects.count() == 1

    facilitator_client.post(control_url(poll), {"action": "reset", "confirm": "yes"}, **HX)
    assert not Vote.objects.exists() and Poll.objects.get(item=poll).status == Poll.Status.READY


def test_a_participant_and_a_stranger_cannot_control_the_poll(poll, phone_client):
    for client in (phone_client, Client()):
        for action in ("open", "show", "reset"):
            assert (
                client.post(control_url(poll), {"action": action, "confirm": "yes"}).status_code
                == 403
            )
    assert not Poll.objects.exists()


def test_a_facilitator_action_without_the_csrf_token_is_refused(poll, facilitator):
    tablet = Client(enforce_csrf_checks=True)
    tablet.force_login(facilitator)

    assert tablet.post(control_url(poll), {"action": "open"}).status_code == 403
    assert not Poll.objects.exists()


def test_the_screens_show_the_poll_in_their_language(
    open_poll, participant, phone_client, facilitator_client, projector_client, seminar
):
    services.vote(item=open_poll, voter=participant, options=[0])

    projector = projector_client.get(
        f"/s/{seminar.slug}/projector/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    tablet = facilitator_client.get(
        f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    phone = phone_client.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert (
        "What shall we take on first?" in projector
        and "Vote on your phone. 1 person has voted." in projector
    )
    assert (
        'id="poll-board"' in projector and "1\u00a0vote · 100\u00a0%" not in projector
    )  # results not shown yet
    assert "1\u00a0vote · 100\u00a0%" in tablet and "Close voting" in tablet
    assert 'lang="da">Digitalisering<' in phone  # no English variant: the Danish, marked as Danish
    assert 'id="poll-results"></div>' in phone

    services.show_results(item=open_poll, shown=True)
    projector = projector_client.get(
        f"/s/{seminar.slug}/projector/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    phone = phone_client.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1\u00a0vote · 100\u00a0%" in projector and "0\u00a0votes · 0\u00a0%" in projector
    assert 'width="100.0"' in projector
    assert "Results" in phone and "1\u00a0vote · 100\u00a0%" in phone
