"""A send the server fails (a 500) tells the person so, in Danish, and keeps their text."""

import pytest
from playwright.sync_api import expect

from program.models import Idea
from tests.browser.conftest import in_thread
from tests.program.tables import seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FAILED = (
    "Ikke sendt – serveren kunne ikke tage imod lige nu. Din tekst er bevaret; prøv at sende igen."
)


def test_a_send_the_server_fails_says_so_keeps_the_text_and_goes_through_when_sent_again(
    seminar, screens
):
    tables = in_thread(seat, seminar, "brainstorm")
    phone = screens.phone(tables.people[0][0])
    failures = []

    def fail_once(route) -> None:
        if not failures:
            failures.append(route.request.url)
            route.fulfill(status=500, content_type="text/html", body="<h1>Server Error (500)</h1>")
        else:
            route.continue_()

    phone.route("**/ideas/*/send/", fail_once)
    panel = phone.locator("#activity-panel")
    panel.locator("#id_idea_text").fill("Fælles kalender for alle afdelinger")

    panel.locator("button[type=submit]").click()

    notice = panel.locator(".send-error")
    expect(notice).to_be_visible()
    expect(notice).to_have_text(FAILED)
    expect(panel.locator("#id_idea_text")).to_have_value("Fælles kalender for alle afdelinger")
    assert len(failures) == 1
    assert in_thread(Idea.objects.count) == 0

    panel.locator("button[type=submit]").click()

    expect(panel.locator(".message-success")).to_be_visible()
    expect(notice).to_be_hidden()
    assert in_thread(lambda: list(Idea.objects.values_list("text", flat=True))) == [
        "Fælles kalender for alle afdelinger"
    ]
