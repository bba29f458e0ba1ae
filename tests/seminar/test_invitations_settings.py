"""The mail server comes from the environment; without one, mails are printed (make run)."""

import pytest

from seminar.settings import mailer_from_env

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture(autouse=True)
def default_timeout(monkeypatch):
    monkeypatch.delenv("EMAIL_TIMEOUT", raising=False)


def test_without_a_mail_server_the_mails_are_printed(monkeypatch):
    for name in ("EMAIL_URL", "EMAIL_HOST"):
        monkeypatch.delenv(name, raising=False)

    assert mailer_from_env() == {"BACKEND": "django.core.mail.backends.console.EmailBackend"}


def test_email_url_names_the_server_with_starttls(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "submission://seminar%40example.org:p%3Ass@smtp.example.org")

    assert mailer_from_env() == {"BACKEND": SMTP, "OPTIONS": {
        "host": "smtp.example.org", "port": None, "username": "seminar@example.org",
        "password": "p:ss", "use_tls": True, "use_ssl": False, "timeout": 30.0}}


def test_smtps_url_and_a_port(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtps://user:secret@mail.example.org:2465")

    options = mailer_from_env()["OPTIONS"]

    assert (options["port"], options["use_ssl"], options["use_tls"]) == (2465, True, False)


def test_separate_variables_when_there_is_no_url(monkeypatch):
    monkeypatch.delenv("EMAIL_URL", raising=False)
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.org")
    monkeypatch.setenv("EMAIL_PORT", "587")
    monkeypatch.setenv("EMAIL_HOST_USER", "seminar")
    monkeypatch.setenv("EMAIL_HOST_PASSWORD", "secret")
    monkeypatch.setenv("EMAIL_USE_TLS", "1")

    assert mailer_from_env()["OPTIONS"] == {
        "host": "smtp.example.org", "port": 587, "username": "seminar", "password": "secret",
        "use_tls": True, "use_ssl": False, "timeout": 30.0}


def test_an_unknown_scheme_is_refused(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "http://mail.example.org")

    with pytest.raises(ValueError, match="EMAIL_URL must be"):
        mailer_from_env()
