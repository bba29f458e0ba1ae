"""A gallery page follows the room (issue 13, point 5): a visitor who becomes a host is told
there, and when the room moves on its comment forms give way to a clear message."""

import uuid

import pytest
from playwright.sync_api import expect

from program.ideas import services as ideas
from tests.browser.helpers import in_thread, wait_live
from tests.browser.screens import Screens
from tests.program.tables import seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_gallery_page_tells_a_new_host_and_closes_its_comments_after_the_block(
    seminar, screens: Screens
):
    brainstorm = in_thread(seat, seminar, "brainstorm", sizes=(4, 3), position=1)
    idea = in_thread(
        ideas.submit_idea,
        item=brainstorm.item,
        author=brainstorm.people[1][0],
        text="Borgerpanel hvert forår",
        key=uuid.uuid4(),
    )
    tables = in_thread(seat, seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)
    visitor = tables.people[0][2]  # table 1 has four members: its third and fourth host in turn 2
    tablet = screens.tablet(seminar)
    phone = screens.phone(visitor)
    phone.goto(f"/s/{seminar.slug}/galleries/{tables.item.pk}/{tables.groups[1].pk}/")
    wait_live(phone)
    turn = phone.locator("#gallery-turn")
    expect(turn.locator(".go-visiting")).to_be_visible()
    expect(turn.locator(".host-now")).to_be_hidden()
    expect(phone.locator(f"#comment-{idea.pk}")).to_be_visible()
    expect(phone.locator("#gallery-closed")).to_be_hidden()

    tablet.locator("#vernissage-next-hosts").click()
    expect(turn.locator(".host-now")).to_be_visible()
    expect(turn.locator(".go-visiting")).to_be_hidden()
    expect(turn.get_by_role("link", name="Åbn jeres galleri")).to_have_attribute(
        "href", f"/s/{seminar.slug}/galleries/{tables.item.pk}/{tables.groups[0].pk}/"
    )

    tablet.get_by_role("button", name="Næste", exact=True).click()
    expect(phone.locator("#gallery-closed")).to_be_visible()
    expect(phone.locator(f"#comment-{idea.pk}")).to_be_hidden()
    expect(turn.locator(".host-now")).to_be_hidden()
    assert screens.problems == []
