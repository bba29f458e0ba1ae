"""Hole 4: binding a phone, a projector or a facilitator to a session gives it a new key, so
a session key planted in a browser beforehand never becomes that identity."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client

from seminar import access, services
from tests import factories

SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def planted(client: Client) -> str:
    """An attacker's session key, set as the victim's cookie before the victim binds."""
    session = SessionStore()
    session["planted"] = True
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return session.session_key


def attacker(key: str) -> Client:
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    return client


def test_personal_link_cycles_a_planted_session_key(seminar, participant):
    victim = Client()
    key = planted(victim)

    victim.get(f"/p/{participant.token}/")

    assert victim.session.session_key != key
    assert access.bound_participant(victim.session, seminar) == participant
    assert victim.session["planted"] is True  # what the session held moves with it
    assert access.bound_participant(SessionStore(key), seminar) is None
    assert attacker(key).get(f"/s/{seminar.slug}/")["Location"] == f"/s/{seminar.slug}/join/"


def test_personal_code_cycles_a_planted_session_key(seminar, participant):
    victim = Client()
    key = planted(victim)

    assert victim.post(f"/s/{seminar.slug}/join/", {"code": participant.code}).status_code == 302

    assert victim.session.session_key != key
    assert access.bound_participant(victim.session, seminar) == participant
    assert access.bound_participant(SessionStore(key), seminar) is None
    assert attacker(key).get(f"/s/{seminar.slug}/")["Location"] == f"/s/{seminar.slug}/join/"


def test_display_link_cycles_a_planted_session_key(seminar):
    victim = Client()
    key = planted(victim)

    victim.get(f"/s/{seminar.slug}/display/{seminar.display_token}/")

    assert victim.session.session_key != key
    assert victim.get(f"/s/{seminar.slug}/projector/").status_code == 200
    assert not access.is_display(SessionStore(key), seminar.pk)
    assert attacker(key).get(f"/s/{seminar.slug}/projector/").status_code == 403


def test_facilitator_login_cycles_a_planted_session_key(facilitator, seminar):
    victim = Client()
    key = planted(victim)

    response = victim.post("/login/", {"username": "kenneth", "password": "not-a-real-password-1"})

    assert response.status_code == 302
    assert victim.session.session_key != key
    assert int(victim.session[SESSION_KEY]) == facilitator.pk
    assert SESSION_KEY not in SessionStore(key).load()
    assert attacker(key).get(f"/s/{seminar.slug}/people/").status_code == 302  # to the login


def test_bindings_in_one_session_survive_each_new_key(seminar, participant):
    other = factories.seminar()
    guest = factories.participant(other)
    phone = Client()

    phone.get(f"/p/{participant.token}/")
    first_key = phone.session.session_key
    phone.post(f"/s/{other.slug}/join/", {"code": guest.code})
    phone.get(f"/s/{seminar.slug}/display/{seminar.display_token}/")

    assert phone.session.session_key != first_key
    assert access.bound_participant(phone.session, seminar) == participant
    assert access.bound_participant(phone.session, other) == guest
    assert access.is_display(phone.session, seminar.pk)
    assert phone.get(f"/s/{seminar.slug}/").status_code == 200
    assert phone.get(f"/s/{other.slug}/").status_code == 200
    assert phone.get(f"/s/{seminar.slug}/projector/").status_code == 200


def test_sessions_bound_before_versions_still_count_until_a_renewal(seminar, participant):
    session = SessionStore()
    session[access.PARTICIPANT_KEY] = {str(seminar.pk): participant.pk}  # the old shape
    session[access.DISPLAY_KEY] = [seminar.pk]
    session.save()

    assert access.bound_participant(session, seminar) == participant
    assert access.is_display(session, seminar.pk)
    services.renew_access(participant=participant)
    services.renew_display_link(seminar=seminar)
    seminar.refresh_from_db()
    assert access.bound_participant(session, seminar) is None
    assert not access.is_display(session, seminar)
