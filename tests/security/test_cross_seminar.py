"""A participant of seminar A writes nothing into seminar B, whichever slug or id they use."""

import uuid

from program.models import Idea
from tests import factories
from tests.program.tables import seat


def test_a_participant_of_seminar_a_posting_an_idea_to_seminar_b_is_refused(seminar, phone_client):
    other = factories.seminar()
    brainstorm = seat(other, "brainstorm").item

    response = phone_client.post(
        f"/s/{other.slug}/ideas/{brainstorm.pk}/send/",
        {"key": uuid.uuid4(), "text": "Fra et andet seminar"},
    )

    assert response.status_code == 403
    assert Idea.objects.count() == 0


def test_seminar_bs_item_under_seminar_as_address_is_not_found(seminar, phone_client):
    other = factories.seminar()
    brainstorm = seat(other, "brainstorm").item

    response = phone_client.post(
        f"/s/{seminar.slug}/ideas/{brainstorm.pk}/send/",
        {"key": uuid.uuid4(), "text": "Ad bagdøren"},
    )

    assert response.status_code == 404
    assert Idea.objects.count() == 0
