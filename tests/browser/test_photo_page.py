"""A photo opened on its own, as the gallery links to it: shown without a CSP error."""

import uuid

import pytest
from playwright.sync_api import expect

from program.models import AgendaItem, Idea
from seminar import photos
from seminar.roster import import_roster
from tests.browser.full_room import photo
from tests.browser.test_projector_fit import ROSTER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_photo_page_logs_no_content_security_error(reference_seminar, screens):
    import_roster(seminar=reference_seminar, data=ROSTER.read_bytes())
    stored = photos.store(photos.prepare(photo(1)), f"ideas/{reference_seminar.pk}")
    idea = Idea.objects.create(
        item=AgendaItem.objects.for_seminar(reference_seminar).get(kind="brainstorm"),
        author=reference_seminar.participants.first(),
        text="Et fælles kaffebord",
        key=uuid.uuid4(),
        photo=stored.name,
        photo_small=stored.small_name,
        photo_width=stored.width,
        photo_height=stored.height,
    )
    tablet = screens.tablet(reference_seminar)

    answer = tablet.goto(f"/s/{reference_seminar.slug}/photos/{idea.pk}/")

    expect(tablet.locator("img")).to_be_visible()
    policy = answer.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    # The screens fixture fails the test on any CSP error the page logged.
