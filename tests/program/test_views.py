from django.test import Client

from program import selectors
from tests import factories


def run_url(seminar, action: str = "") -> str:
    return f"/s/{seminar.slug}/run/{action + '/' if action else ''}"


def test_run_page_shows_program_notes_and_next_button(facilitator_client, seminar):
    response = facilitator_client.get(run_url(seminar), HTTP_ACCEPT_LANGUAGE="da")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kun for facilitatorer" in html
    assert ">Næste</button>" in html
    assert html.count('name="version" value="1"') >= 2


def test_run_page_sends_anonymous_visitors_to_login(seminar):
    response = Client().get(run_url(seminar))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_a_participant_phone_cannot_reach_facilitator_actions(phone_client, seminar):
    assert phone_client.get(run_url(seminar)).status_code == 302
    response = phone_client.post(run_url(seminar, "step"), {"version": 1, "direction": "next"})

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert selectors.live_state(seminar).item is None


def test_logged_in_non_facilitator_cannot_act(db, seminar, django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_user("guest", password="x-long-password-9"))

    response = client.post(run_url(seminar, "step"), {"version": 1, "direction": "next"})

    assert response.status_code == 403
    assert selectors.live_state(seminar).item is None


def test_step_by_plain_post_redirects_with_303(facilitator_client, seminar):
    response = facilitator_client.post(
        run_url(seminar, "step"), {"version": 1, "direction": "next"}
    )

    assert response.status_code == 303
    assert response["Location"] == run_url(seminar)
    assert selectors.live_state(seminar).item.title == "Kaffe"


def test_step_by_htmx_answers_with_the_panel(facilitator_client, seminar):
    response = facilitator_client.post(
        run_url(seminar, "step"), {"version": 1, "direction": "next"}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="tablet-live" data-version="2">')
    assert '<h1 id="current-heading" tabindex="-1">Kaffe</h1>' in html
    assert "<html" not in html


def test_stale_step_is_refused_with_the_current_state(facilitator_client, seminar):
    facilitator_client.post(run_url(seminar, "step"), {"version": 1, "direction": "next"})

    response = facilitator_client.post(
        run_url(seminar, "step"),
        {"version": 1, "direction": "next"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    html = response.content.decode()
    assert "changed on another screen" in html
    assert '<h1 id="current-heading" tabindex="-1" lang="da">Kaffe</h1>' in html
    assert selectors.live_state(seminar).version == 2


def test_step_needs_post_and_csrf(facilitator, seminar):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)

    assert client.get(run_url(seminar, "step")).status_code == 405
    assert (
        client.post(run_url(seminar, "step"), {"version": 1, "direction": "next"}).status_code
        == 403
    )
    assert selectors.live_state(seminar).item is None


def test_bad_form_input_gets_a_clear_message_and_changes_nothing(facilitator_client, seminar):
    response = facilitator_client.post(
        run_url(seminar, "timer"),
        {"version": 1, "action": "explode"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert "Select a valid choice" in response.content.decode()
    assert selectors.live_state(seminar).version == 1


def test_jump_to_an_item_of_another_seminar_is_refused(facilitator_client, seminar):
    foreign = factories.items(factories.seminar())[0]

    response = facilitator_client.post(
        run_url(seminar, "jump"), {"version": 1, "item": foreign.pk}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert selectors.live_state(seminar).item is None


def test_shift_needs_confirmation(facilitator_client, seminar):
    facilitator_client.post(run_url(seminar, "step"), {"version": 1, "direction": "next"})

    refused = facilitator_client.post(
        run_url(seminar, "shift"),
        {"minutes": 10},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Tick the box to confirm" in refused.content.decode()
    assert factories.items(seminar)[1].shift_minutes == 0

    facilitator_client.post(run_url(seminar, "shift"), {"minutes": 10, "confirm": "on"})
    assert [item.shift_minutes for item in factories.items(seminar)] == [0, 10, 10, 10, 0]


def test_projector_message_is_escaped_on_the_projector(
    facilitator_client, projector_client, seminar
):
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2) hx-get="/x">'
    facilitator_client.post(run_url(seminar, "projector"), {"mode": "message", "message": hostile})

    html = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_projector_page_needs_the_display_link(seminar):
    assert Client().get(f"/s/{seminar.slug}/projector/").status_code == 403


def test_projector_shows_current_item_countdown_and_next(
    facilitator_client, projector_client, seminar
):
    facilitator_client.post(run_url(seminar, "step"), {"version": 1, "direction": "next"})

    html = projector_client.get(
        f"/s/{seminar.slug}/projector/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "<h1>Kaffe</h1>" in html
    assert 'data-remaining-ms="900000"' in html and ">15:00<" in html
    assert "Next: Velkommen at 08:15" in html


def test_projector_join_screen_shows_qr_and_join_address(
    facilitator_client, projector_client, seminar
):
    facilitator_client.post(run_url(seminar, "projector"), {"mode": "join"})

    html = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()

    assert "<svg" in html and 'class="qr"' in html
    assert f"http://127.0.0.1:8000/s/{seminar.slug}/join/" in html


def test_phone_shows_now_and_the_whole_program(facilitator_client, phone_client, seminar):
    facilitator_client.post(run_url(seminar, "step"), {"version": 1, "direction": "next"})

    html = phone_client.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<h2 lang="da">Kaffe</h2>' in html  # Danish program text in the English UI
    assert 'aria-current="step"' in html
    for title in ("Velkommen", "Gåtur", "Overraskelse", "God morgen"):
        assert title in html
    assert "Hemmelig koncert" not in html
    assert "Kun for facilitatorer" not in html


def test_phone_offsite_item_shows_meeting_place_and_return_time(
    facilitator_client, phone_client, seminar
):
    walk = factories.items(seminar)[2]
    facilitator_client.post(run_url(seminar, "jump"), {"version": 1, "item": walk.pk})

    html = phone_client.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Meet at" in html and "Ved indgangen" in html
    assert "Back at" in html and "09:30" in html


def test_phone_without_binding_goes_to_the_join_page(seminar):
    response = Client().get(f"/s/{seminar.slug}/")

    assert response.status_code == 302
    assert response["Location"] == f"/s/{seminar.slug}/join/"


def test_language_switch_to_english_and_back(phone_client, seminar):
    phone_client.post("/i18n/setlang/", {"language": "en", "next": f"/s/{seminar.slug}/"})
    assert (
        "The program has not started yet."
        in phone_client.get(f"/s/{seminar.slug}/").content.decode()
    )

    phone_client.post("/i18n/setlang/", {"language": "da", "next": f"/s/{seminar.slug}/"})
    assert (
        "Programmet er ikke begyndt endnu."
        in phone_client.get(f"/s/{seminar.slug}/").content.decode()
    )


def test_program_list_has_one_jump_form_that_each_row_submits_with_its_item(
    seminar, facilitator_client
):
    page = facilitator_client.get(f"/s/{seminar.slug}/run/").content.decode()
    items = factories.items(seminar)

    assert (
        page.count('id="jump-form"') == 1
        and page.count('hx-post="/s/' + seminar.slug + '/run/jump/"') == 1
    )
    for item in items:
        assert f'form="jump-form" name="item" value="{item.pk}" id="jump-{item.pk}"' in page
    surprise = next(item for item in items if item.secret)
    assert f'form="reveal-form" name="item" value="{surprise.pk}" id="reveal-{surprise.pk}"' in page
    assert f'aria-label="Afslør {surprise.title}"' in page  # each "Reveal" says which item
