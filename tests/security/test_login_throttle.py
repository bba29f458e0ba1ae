"""The facilitator login refuses for a while after too many failures, even the right password."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client, override_settings

from tests.security.test_client_address import PROXY_SAW

RIGHT = "not-a-real-password-1"


@pytest.fixture(autouse=True)
def quick_hashing(settings):
    """Each real failure hashes a password; the default hasher makes 30 of them take a minute.
    (Autouse: it runs before the facilitator fixture stores the password.)"""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def log_in(client: Client, password: str, username: str = "kenneth", address: str = "127.0.0.1"):
    return client.post(
        "/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_thirty_wrong_passwords_then_the_right_one_is_refused(facilitator):
    client = Client()
    statuses = [log_in(client, f"guess-{i}").status_code for i in range(30)]

    response = log_in(client, RIGHT)

    assert statuses[:10] == [200] * 10  # the form again, with Django's "wrong password"
    assert set(statuses[10:]) == {429}
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert SESSION_KEY not in client.session


@override_settings(LOGIN_FAILURES_PER_USER=3)
def test_the_refusal_is_in_danish_by_default(facilitator):
    client = Client()
    for i in range(3):
        log_in(client, f"guess-{i}")

    response = client.post("/login/", {"username": "kenneth", "password": RIGHT})

    assert response.status_code == 429
    assert "For mange mislykkede login" in response.content.decode()


@override_settings(LOGIN_FAILURES_PER_USER=3)
def test_a_successful_login_resets_the_count(facilitator):
    for i in range(2):
        log_in(Client(), f"guess-{i}")
    assert log_in(Client(), RIGHT).status_code == 302

    for i in range(2):
        assert log_in(Client(), f"again-{i}").status_code == 200
    assert log_in(Client(), RIGHT).status_code == 302


@override_settings(LOGIN_FAILURES_PER_USER=3, LOGIN_FAILURES_PER_ADDRESS=5)
def test_one_address_trying_many_usernames_is_refused(facilitator):
    for i in range(5):
        log_in(Client(), "guess", username=f"someone-{i}")

    assert log_in(Client(), RIGHT).status_code == 429
    assert log_in(Client(), RIGHT, address="192.0.2.10").status_code == 302  # another address


@override_settings(TRUSTED_PROXY_COUNT=1, LOGIN_FAILURES_PER_USER=3)
def test_forged_forwarded_entries_do_not_escape_the_login_limit(facilitator):
    client = Client()
    for i in range(6):
        client.post(
            "/login/",
            {"username": "kenneth", "password": f"guess-{i}"},
            REMOTE_ADDR=f"203.0.113.{i}",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}, {PROXY_SAW}",
        )

    response = client.post(
        "/login/",
        {"username": "kenneth", "password": RIGHT},
        REMOTE_ADDR="203.0.113.50",
        HTTP_X_FORWARDED_FOR=f"203.0.113.50, {PROXY_SAW}",
    )

    assert response.status_code == 429
