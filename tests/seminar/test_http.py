"""The one way a POST is answered (`seminar.http.answer`), seen through the views that use it."""

import uuid

import pytest
from django.test import RequestFactory
from django_htmx.middleware import HtmxDetails

from program import services as program_services
from program.models import Question
from seminar.http import answer
from tests import factories

TEXT = "Hvordan <b>måler</b> vi visionen?"
TEXT_KEPT = "Hvordan &lt;b&gt;måler&lt;/b&gt; vi visionen?"


@pytest.fixture
def questions(seminar):
    item = factories.items(seminar)[1]
    item.kind = "questions"
    item.save()
    program_services.jump(seminar=seminar, version=1, item=item)
    return item


def ask_url(seminar, item) -> str:
    return f"/s/{seminar.slug}/questions/{item.pk}/ask/"


def test_a_plain_post_that_is_done_is_sent_on_with_303(questions, phone_client, seminar):
    response = phone_client.post(
        ask_url(seminar, questions), {"key": str(uuid.uuid4()), "text": TEXT}
    )

    assert (response.status_code, response["Location"]) == (303, f"/s/{seminar.slug}/")
    assert Question.objects.get().text == TEXT


def test_an_htmx_post_gets_the_partial_it_changed(questions, phone_client, seminar):
    response = phone_client.post(
        ask_url(seminar, questions),
        {"key": str(uuid.uuid4()), "text": TEXT},
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tak – dit spørgsmål er på listen." in html
    assert (
        "<html" not in html
        and '<textarea name="text" id="id_text" rows="3" maxlength="280"></textarea>' in html
    )


def test_an_htmx_post_the_live_push_redraws_gets_no_content(
    questions, participant, facilitator_client, seminar
):
    question = Question.objects.create(
        item=questions, author=participant, text=TEXT, key=uuid.uuid4()
    )
    url = f"/s/{seminar.slug}/run/questions/{question.pk}/"

    htmx = facilitator_client.post(url, {"action": "hide"}, HTTP_HX_REQUEST="true")
    hidden = Question.objects.get().hidden
    plain = facilitator_client.post(url, {"action": "show"})

    assert (htmx.status_code, htmx.content, hidden) == (204, b"", True)
    assert (plain.status_code, plain["Location"]) == (303, f"/s/{seminar.slug}/run/")


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("da", "Der modtages ikke spørgsmål under dette punkt."),
        ("en", "Questions are not being taken for this item."),
    ],
)
@pytest.mark.parametrize("htmx", [True, False])
def test_a_refusal_says_why_in_the_persons_language_with_its_status_and_keeps_the_text(
    seminar, phone_client, language, message, htmx
):
    coffee = factories.items(seminar)[0]  # no questions are taken there
    headers = {"HTTP_ACCEPT_LANGUAGE": language, **({"HTTP_HX_REQUEST": "true"} if htmx else {})}

    response = phone_client.post(
        ask_url(seminar, coffee), {"key": str(uuid.uuid4()), "text": TEXT}, **headers
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert f'<p class="error" role="alert">{message}</p>' in html
    assert f">{TEXT_KEPT}</textarea>" in html
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("da", "Programmet er netop blevet ændret på en anden skærm."),
        ("en", "The program was changed on another screen just now."),
    ],
)
def test_a_plain_post_refused_without_a_page_of_its_own_flashes_the_message_where_it_lands(
    seminar, facilitator_client, language, message
):
    response = facilitator_client.post(
        f"/s/{seminar.slug}/run/step/",
        {"version": 99, "direction": "next"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    landed = facilitator_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE=language)

    assert (response.status_code, response["Location"]) == (303, f"/s/{seminar.slug}/run/")
    assert message in landed.content.decode()


def htmx_post(path: str = "/somewhere/"):
    request = RequestFactory().post(path, HTTP_HX_REQUEST="true")
    request.htmx = HtmxDetails(request)
    return request


def test_an_htmx_post_that_must_land_elsewhere_is_sent_there_with_hx_redirect():
    response = answer(htmx_post(), "/s/varde/run/", leave=True)

    assert (response.status_code, response["HX-Redirect"]) == (200, "/s/varde/run/")


def test_an_htmx_post_refused_without_a_partial_gets_its_status_alone():
    response = answer(htmx_post(), "/s/varde/run/", status=409)

    assert (response.status_code, response.content) == (409, b"")


def test_an_htmx_post_gets_html_already_rendered_with_its_status():
    response = answer(htmx_post(), "/s/varde/run/", html="<p>Gemt</p>", status=429)

    assert (response.status_code, response.content.decode()) == (429, "<p>Gemt</p>")
