"""A refused or invalid address is reported in that person's status; the others are sent."""

from django.core import mail

from seminar.invitations import services
from seminar.invitations.models import Delivery
from tests import factories
from tests.seminar.invitations_helpers import click, roster, sent_to

Status = Delivery.Status
REFUSING = {"default": {"BACKEND": "tests.seminar.invitations_helpers.RefusingBackend"}}
DOWN = {"default": {"BACKEND": "tests.seminar.invitations_helpers.DownBackend"}}


def test_an_address_the_mail_server_refuses_is_reported_and_the_others_are_sent(
        facilitator_client, seminar, settings):
    settings.MAILERS = REFUSING
    people = roster(seminar, 5)
    refused = factories.participant(seminar, "Ingen Hjemme", email="nobody@example.org")

    location = click(facilitator_client, seminar, [*people, refused])["Location"]
    outcomes = services.send_queued()

    assert outcomes[Status.SENT] == 5 and outcomes[Status.BOUNCED] == 1
    assert sorted(sent_to()) == sorted(person.email for person in people)
    row = Delivery.objects.get(participant=refused)
    assert (row.status, row.reason) == (Status.BOUNCED, "550 5.1.1 User unknown")
    page = facilitator_client.get(location).content.decode()
    assert "Adressen blev afvist</span>: <bdi>550 5.1.1 User unknown</bdi>" in page


def test_a_missing_or_invalid_address_is_refused_before_it_is_queued(facilitator_client, seminar):
    good = factories.participant(seminar, "Anne Holm", email="anne@example.org")
    without = factories.participant(seminar, "Bo Dam")
    invalid = factories.participant(seminar, "Carl Berg", email="carl@@example")

    location = click(facilitator_client, seminar, [good, without, invalid])["Location"]
    statuses = dict(Delivery.objects.values_list("participant__name", "status"))
    services.send_queued()

    assert statuses == {"Anne Holm": Status.QUEUED, "Bo Dam": Status.BOUNCED,
                        "Carl Berg": Status.BOUNCED}
    assert sent_to() == ["anne@example.org"]
    page = facilitator_client.get(location).content.decode()
    assert "Ingen e-mailadresse" in page and "Ikke en gyldig e-mailadresse" in page


def test_a_mail_server_that_is_down_fails_each_row_with_the_reason_and_a_retry_sends_them(
        facilitator_client, seminar, settings):
    settings.MAILERS = DOWN
    people = roster(seminar, 3)
    location = click(facilitator_client, seminar, people)["Location"]

    services.send_queued()

    assert set(Delivery.objects.values_list("status", "reason")) == {
        (Status.FAILED, "ConnectionRefusedError: [Errno 111] Connection refused")}
    page = facilitator_client.get(location).content.decode()
    assert page.count("Fejlede") == 3 and "Send igen til 3 personer" in page

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    facilitator_client.post(f"{location}retry/", {"delivery": Delivery.objects.first().pk})
    services.send_queued()

    assert len(mail.outbox) == 1
    facilitator_client.post(f"{location}retry/")
    services.send_queued()
    assert sorted(sent_to()) == sorted(person.email for person in people)
