"""The server sends queued mail by itself, also after a restart, and never what a crash cut off."""

import datetime as dt
import time

import pytest
from django.utils import timezone

from seminar.invitations import kinds, services
from seminar.invitations.models import Delivery
from tests import factories
from tests.servers import Daphne

pytestmark = pytest.mark.django_db(transaction=True)
Status = Delivery.Status


def wait_for(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_started_server_sends_what_was_queued_and_leaves_a_cut_off_row_alone(seminar):
    people = [factories.participant(seminar, f"Person {n}", email=f"person{n}@example.org")
              for n in range(3)]
    services.create_mailing(seminar=seminar, kind=kinds.INVITATION, token="queued-before-start-1",
                            people=people, language="da")
    Delivery.objects.filter(participant=people[0]).update(
        status=Status.SENDING, claimed_at=timezone.now() - dt.timedelta(minutes=10))  # a crash

    with Daphne(EMAIL_URL="", EMAIL_HOST="", MAIL_POLL_SECONDS="0.2") as server:
        sent = wait_for(lambda: Delivery.objects.filter(status=Status.SENT).count() == 2)
        output = server.output()

    assert sent, output[-2000:]
    assert Delivery.objects.get(participant=people[0]).status == Status.SENDING
    assert "To: person1@example.org" in output and "To: person2@example.org" in output
    assert "To: person0@example.org" not in output
