"""Renewing or revoking a personal link and code, or the display link: the old stops at once,
over HTTP and on an open websocket; the new one works; what people wrote stays."""

import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.test import Client

from program.models import Question
from seminar import access, services
from tests import factories
from tests.sockets import screen


def renew(facilitator_client, seminar, person):
    return facilitator_client.post(
        f"/s/{seminar.slug}/people/{person.pk}/access/renew/", HTTP_ACCEPT_LANGUAGE="en"
    )


def test_renewing_stops_the_old_link_code_and_phone_and_keeps_what_they_wrote(
    facilitator_client, seminar, participant, phone_client
):
    question = Question.objects.create(
        item=factories.items(seminar)[1],
        author=participant,
        text="Hvornår er der frokost?",
        key=uuid.uuid4(),
    )
    old_token, old_code = participant.token, participant.code

    response = renew(facilitator_client, seminar, participant)

    participant.refresh_from_db()
    assert response.status_code == 303
    assert (participant.token, participant.code) != (old_token, old_code)
    page = facilitator_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"{participant.name} has a new link and code" in page
    assert participant.code in page and participant.token in page
    assert Client().get(f"/p/{old_token}/", HTTP_ACCEPT_LANGUAGE="en").status_code == 404
    assert phone_client.get(f"/s/{seminar.slug}/")["Location"] == f"/s/{seminar.slug}/join/"
    assert Client().post(f"/s/{seminar.slug}/join/", {"code": old_code}).status_code == 400
    fresh = Client()
    assert fresh.get(f"/p/{participant.token}/").status_code == 302
    assert participant.name in fresh.get(f"/s/{seminar.slug}/").content.decode()
    by_code = Client()
    assert by_code.post(f"/s/{seminar.slug}/join/", {"code": participant.code}).status_code == 302
    assert access.bound_participant(by_code.session, seminar) == participant
    assert list(participant.questions.values_list("pk", "text")) == [(question.pk, question.text)]


def test_revoking_stops_link_code_and_phone_until_renewed(
    facilitator_client, seminar, participant, phone_client
):
    response = facilitator_client.post(f"/s/{seminar.slug}/people/{participant.pk}/access/revoke/")

    participant.refresh_from_db()
    assert response.status_code == 303
    assert participant.access_revoked
    assert Client().get(f"/p/{participant.token}/").status_code == 404
    assert Client().post(f"/s/{seminar.slug}/join/", {"code": participant.code}).status_code == 400
    assert phone_client.get(f"/s/{seminar.slug}/")["Location"] == f"/s/{seminar.slug}/join/"
    people = facilitator_client.get(f"/s/{seminar.slug}/people/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Revoked" in people.content.decode()
    cards = facilitator_client.get(f"/s/{seminar.slug}/people/cards/").content.decode()
    assert participant.name not in cards

    renew(facilitator_client, seminar, participant)
    participant.refresh_from_db()
    assert not participant.access_revoked
    assert Client().get(f"/p/{participant.token}/").status_code == 302


def test_renewing_one_person_leaves_the_others_bound(facilitator_client, seminar, participant):
    other = factories.participant(seminar)
    other_phone = Client()
    other_phone.get(f"/p/{other.token}/")

    renew(facilitator_client, seminar, participant)

    assert other_phone.get(f"/s/{seminar.slug}/").status_code == 200


def test_renewing_the_display_link_stops_the_old_projector(
    facilitator_client, seminar, projector_client
):
    old_token = seminar.display_token

    response = facilitator_client.post(f"/s/{seminar.slug}/projector-link/renew/")

    seminar.refresh_from_db()
    assert response.status_code == 303
    assert seminar.display_token != old_token
    assert projector_client.get(f"/s/{seminar.slug}/projector/").status_code == 403
    assert Client().get(f"/s/{seminar.slug}/display/{old_token}/").status_code == 404
    panel = facilitator_client.get(f"/s/{seminar.slug}/projector-link/").content.decode()
    assert seminar.display_token in panel and old_token not in panel
    fresh = Client()
    fresh.get(f"/s/{seminar.slug}/display/{seminar.display_token}/")
    assert fresh.get(f"/s/{seminar.slug}/projector/").status_code == 200


def test_links_are_renewed_only_by_facilitators_with_a_post(
    facilitator_client, phone_client, seminar, participant
):
    renew_url = f"/s/{seminar.slug}/people/{participant.pk}/access/renew/"
    token = participant.token

    assert facilitator_client.get(renew_url).status_code == 405
    assert phone_client.post(renew_url).status_code == 302  # to the login
    assert phone_client.post(f"/s/{seminar.slug}/projector-link/renew/").status_code == 302
    assert Client(enforce_csrf_checks=True).post(renew_url).status_code == 403
    participant.refresh_from_db()
    assert participant.token == token
    other = factories.seminar()
    elsewhere = f"/s/{other.slug}/people/{participant.pk}/access/renew/"
    assert facilitator_client.post(elsewhere).status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("change", [services.renew_access, services.revoke_access])
def test_an_open_phone_socket_of_the_old_binding_is_closed(
    seminar, participant, phone_client, change
):
    other = factories.participant(seminar)
    other_phone = Client()
    other_phone.get(f"/p/{other.token}/")

    async def scenario():
        old = screen(seminar.slug, "participant", phone_client)
        bystander = screen(seminar.slug, "participant", other_phone)
        for socket in (old, bystander):
            assert (await socket.connect())[0]
            await socket.receive_from(timeout=2)

        await database_sync_to_async(change)(participant=participant)

        closed = await old.receive_output(timeout=3)
        assert closed == {"type": "websocket.close", "code": 4403}
        assert await bystander.receive_nothing(timeout=0.3)  # still open, nothing to say
        again = screen(seminar.slug, "participant", phone_client)
        assert (await again.connect())[0] is False
        await bystander.disconnect()

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_an_open_projector_socket_of_the_old_display_link_is_closed(seminar, projector_client):
    async def scenario():
        old = screen(seminar.slug, "projector", projector_client)
        assert (await old.connect())[0]
        await old.receive_from(timeout=2)

        renewed = await database_sync_to_async(services.renew_display_link)(seminar=seminar)

        assert await old.receive_output(timeout=3) == {"type": "websocket.close", "code": 4403}
        fresh = Client()
        new_link = f"/s/{seminar.slug}/display/{renewed.display_token}/"
        await database_sync_to_async(fresh.get)(new_link)
        new = screen(seminar.slug, "projector", fresh)
        assert (await new.connect())[0]
        await new.receive_from(timeout=2)
        await new.disconnect()

    async_to_sync(scenario)()
