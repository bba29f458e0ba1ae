from django.test import Client, override_settings

from seminar import access


def test_personal_link_binds_the_phone_to_its_participant(seminar, participant):
    client = Client()

    response = client.get(f"/p/{participant.token}/")

    assert response.status_code == 302
    assert response["Location"] == f"/s/{seminar.slug}/"
    assert participant.name in client.get(f"/s/{seminar.slug}/").content.decode()


def test_wrong_personal_link_gets_a_clear_page(db):
    response = Client().get("/p/not-a-real-token/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_unknown_page_gets_the_friendly_page_not_a_trace(db):
    response = Client().get("/s/no-such-seminar/projector/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_join_with_personal_code_ignores_case_and_spaces(seminar, participant):
    client = Client()
    typed = f" {participant.code[:3].lower()} {participant.code[3:]} "

    response = client.post(f"/s/{seminar.slug}/join/", {"code": typed})

    assert response.status_code == 302
    assert access.bound_participant(client.session, seminar) == participant


def test_join_with_wrong_code_says_so(seminar, participant):
    response = Client().post(
        f"/s/{seminar.slug}/join/", {"code": "ZZZZZZ"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 400
    assert "We do not know that code" in response.content.decode()


def test_code_of_another_seminar_does_not_join(seminar, participant):
    from tests import factories

    other = factories.seminar()
    response = Client().post(f"/s/{other.slug}/join/", {"code": participant.code})

    assert response.status_code == 400


@override_settings(JOIN_CODE_ATTEMPTS=3)
def test_code_entry_is_rate_limited(seminar, participant):
    client = Client()
    for _ in range(3):
        assert client.post(f"/s/{seminar.slug}/join/", {"code": "WRONG1"}).status_code == 400

    response = client.post(
        f"/s/{seminar.slug}/join/", {"code": participant.code}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert access.bound_participant(client.session, seminar) is None


def test_display_link_opens_the_projector_and_wrong_token_does_not(seminar):
    good = Client()
    assert good.get(f"/s/{seminar.slug}/display/{seminar.display_token}/").status_code == 302
    assert good.get(f"/s/{seminar.slug}/projector/").status_code == 200

    bad = Client()
    assert bad.get(f"/s/{seminar.slug}/display/wrong/").status_code == 404
    assert bad.get(f"/s/{seminar.slug}/projector/").status_code == 403


def test_pages_carry_a_strict_content_security_policy(phone_client, seminar):
    policy = phone_client.get(f"/s/{seminar.slug}/")["Content-Security-Policy"]

    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
