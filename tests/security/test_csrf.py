"""CSRF: a facilitator's POST without the token is refused and changes nothing."""

from django.test import Client

from program import selectors


def test_facilitator_step_without_csrf_token_is_refused(seminar, facilitator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    before = selectors.live_state(seminar).version

    response = client.post(f"/s/{seminar.slug}/run/step/", {"version": before, "direction": "next"})

    assert response.status_code == 403
    assert selectors.live_state(seminar).version == before


def test_facilitator_step_with_a_forged_csrf_token_is_refused(seminar, facilitator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    client.get(f"/s/{seminar.slug}/run/")  # the real cookie; the form carries another token
    before = selectors.live_state(seminar).version

    response = client.post(
        f"/s/{seminar.slug}/run/step/",
        {"version": before, "direction": "next", "csrfmiddlewaretoken": "x" * 64},
    )

    assert response.status_code == 403
    assert selectors.live_state(seminar).version == before
