"""Invitations by e-mail: each click sends each chosen person one mail with their own link,
code and QR code, off the request, and never twice."""

import datetime as dt
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from seminar import links
from seminar.invitations import services
from seminar.invitations.models import Delivery, Mailing
from tests import factories
from tests.seminar.invitations_helpers import (
    click,
    decoded_qr,
    link_in,
    parts,
    roster,
    sent_to,
)

Status = Delivery.Status


def test_75_invitations_each_carry_the_persons_own_link_code_and_qr_code(
        facilitator_client, seminar):
    people = roster(seminar, 75)

    response = click(facilitator_client, seminar, people)
    assert response.status_code == 303
    assert mail.outbox == []  # queued by the click, sent off the request
    outcomes = services.send_queued()

    assert outcomes[Status.SENT] == 75 and len(mail.outbox) == 75
    assert sorted(sent_to()) == sorted(person.email for person in people)
    by_address = {message.to[0]: message for message in mail.outbox}
    for person in people:
        message = by_address[person.email]
        body = parts(message)
        link = links.personal_link(person)
        assert message.subject == f"{seminar.title}: dit personlige link"
        assert link_in(body["text/plain"]) == link and person.code in body["text/plain"]
        assert f'href="{link}"' in body["text/html"] and person.code in body["text/html"]
        assert 'src="cid:join-qr@seminar"' in body["text/html"]
        assert body["cid"] == "<join-qr@seminar>"
        assert decoded_qr(body["image/png"]) == [link]
    assert set(Delivery.objects.values_list("status", flat=True)) == {Status.SENT}


def test_the_mail_is_danish_by_default_and_english_on_request(facilitator_client, seminar):
    person = factories.participant(seminar, "Anne Holm", email="anne@example.org")

    click(facilitator_client, seminar, [person])
    click(facilitator_client, seminar, [person], language="en")
    services.send_queued()

    danish, english = (parts(message)["text/plain"] for message in mail.outbox)
    assert danish.startswith("Kære Anne Holm,") and "Dit personlige link:" in danish
    assert english.startswith("Dear Anne Holm,") and "Your personal link:" in english


def test_a_second_click_of_the_same_form_sends_nothing_again(facilitator_client, seminar):
    people = roster(seminar, 3)
    token = "same-form-token-123456"

    first = click(facilitator_client, seminar, people, token=token)
    services.send_queued()
    second = click(facilitator_client, seminar, people, token=token)
    services.send_queued()

    assert first["Location"] == second["Location"]
    assert Mailing.objects.count() == 1 and Delivery.objects.count() == 3
    assert len(mail.outbox) == 3
    page = facilitator_client.get(second["Location"]).content.decode()
    assert "Det var allerede sendt af sted" in page


def test_a_chosen_few_get_it_and_nobody_else(facilitator_client, seminar):
    people = roster(seminar, 10)

    click(facilitator_client, seminar, people[3:5])
    services.send_queued()

    assert sorted(sent_to()) == sorted([people[3].email, people[4].email])


def test_rows_left_sending_by_a_crash_are_not_sent_again_but_offered_for_a_retry(
        facilitator_client, seminar):
    people = roster(seminar, 4)
    location = click(facilitator_client, seminar, people)["Location"]
    cut_off = timezone.now() - dt.timedelta(minutes=10)
    crashed = Delivery.objects.filter(participant__in=people[:2])
    crashed.update(status=Status.SENDING, claimed_at=cut_off, attempts=1)  # the server died here

    services.send_queued()  # after the restart
    call_command("send_invitations", stdout=io.StringIO())

    assert sorted(sent_to()) == sorted(person.email for person in people[2:])
    page = facilitator_client.get(location).content.decode()
    assert page.count('<td class="mail-unknown"><span class="mail-state">Ukendt – tjek</span>') == 2
    assert "Send igen til 2 personer" in page

    facilitator_client.post(f"{location}retry/")
    facilitator_client.post(f"{location}retry/")  # a double click queues nothing more
    services.send_queued()

    assert sorted(sent_to()) == sorted(person.email for person in people)
    retried = Delivery.objects.filter(participant__in=people[:2])
    assert list(retried.values_list("attempts", flat=True)) == [2, 2]


def test_a_row_being_sent_right_now_is_neither_sent_again_nor_offered_for_retry(
        facilitator_client, seminar):
    person = factories.participant(seminar, "Bo Dam", email="bo@example.org")
    location = click(facilitator_client, seminar, [person])["Location"]
    Delivery.objects.update(status=Status.SENDING, claimed_at=timezone.now())

    services.send_queued()
    facilitator_client.post(f"{location}retry/")
    services.send_queued()

    assert mail.outbox == []
    page = facilitator_client.get(location).content.decode()
    assert "Sendes" in page and "Ukendt" not in page


def test_the_send_invitations_command_drains_the_queue(facilitator_client, seminar):
    people = roster(seminar, 5)
    click(facilitator_client, seminar, people)
    out = io.StringIO()

    call_command("send_invitations", stdout=out)

    assert len(mail.outbox) == 5 and out.getvalue().strip() == "sent 5, failed 0, address refused 0"


def test_the_mailing_page_shows_sendt_for_each_person(facilitator_client, seminar):
    people = roster(seminar, 3)
    location = click(facilitator_client, seminar, people)["Location"]

    before = facilitator_client.get(location).content.decode()
    services.send_queued()
    after = facilitator_client.get(location,
                                   headers={"HX-Request": "true", "HX-Target": "mailing-status"})

    assert before.count("I kø") == 3 and 'hx-trigger="every 2s"' in before
    html = after.content.decode()
    assert html.count(">Sendt<") == 3 and "3 af 3 sendt" in html and "every 2s" not in html
    assert "<html" not in html  # the partial alone


def test_an_erased_person_is_not_mailed_and_their_rows_go(facilitator_client, seminar):
    from seminar import rights

    people = roster(seminar, 2)
    click(facilitator_client, seminar, people)

    rights.erase(participant=people[0])
    services.send_queued()

    assert sent_to() == [people[1].email]
    assert not Delivery.objects.filter(participant=people[0]).exists()
