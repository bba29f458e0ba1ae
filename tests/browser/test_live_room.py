"""The room runs live: the tablet acts, the projector and the phones follow without a reload."""

import time

import pytest
from playwright.sync_api import expect

from program import selectors, services
from tests import factories
from tests.browser.helpers import in_thread, mark_loaded, was_not_reloaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A phone whose wall clock runs 7 minutes fast: only Date moves, as on a real device;
# the monotonic clock (performance.now) is untouched.
SKEWED_CLOCK = """
(() => {
  const OFFSET = 7 * 60 * 1000;
  const RealDate = Date;
  class SkewedDate extends RealDate {
    constructor(...args) {
      if (args.length) { super(...args); } else { super(RealDate.now() + OFFSET); }
    }
    static now() { return RealDate.now() + OFFSET; }
  }
  window.Date = SkewedDate;
})();
"""

HOSTILE = (
    '<img src=x onerror="window.__pwned=1;alert(1)">'
    "<script>window.__pwned=2;alert(2)</script>"
    '"><svg onload="alert(3)"></svg>{{ 7|add:1 }} & Co.'
)


def next_button(tablet):
    return tablet.get_by_role("button", name="Næste", exact=True)


def projector_title(projector):
    return projector.locator("#projector-screen h1")


def phone_title(phone):
    return phone.locator("#phone-live .now h2")


def countdown(page):
    """The room's countdown on whichever screen this is."""
    return page.locator("#projector-screen, #tablet-live, #phone-live").locator("[data-countdown]")


def seconds(countdown: str) -> int:
    minutes, rest = countdown.split(":")
    return int(minutes) * 60 + int(rest)


def test_next_on_the_tablet_moves_projector_and_phones_without_reload(seminar, screens):
    projector = screens.projector(seminar)
    phones = [screens.phone(factories.participant(seminar)) for _ in range(2)]
    tablet = screens.tablet(seminar)
    for page in (projector, *phones):
        mark_loaded(page)
    expect(projector_title(projector)).to_have_text(seminar.title)

    next_button(tablet).click()

    expect(projector_title(projector)).to_have_text("Kaffe")
    expect(projector.locator("#projector-screen .next")).to_have_text("Næste: Velkommen kl. 08:15")
    for phone in phones:
        expect(phone_title(phone)).to_have_text("Kaffe")
        expect(phone.locator("#phone-program li.is-now .title")).to_have_text("Kaffe")
    expect(tablet.locator("#current-heading")).to_have_text("Kaffe")
    assert all(was_not_reloaded(page) for page in (projector, *phones))


def test_projector_shows_the_true_item_after_its_socket_comes_back(seminar, screens, daphne_server):
    projector = screens.projector(seminar)
    mark_loaded(projector)
    status = projector.locator("#live-status")
    expect(projector_title(projector)).to_have_text(seminar.title)

    daphne_server.stop()
    expect(status).to_have_text(status.get_attribute("data-offline"))
    expect(status).to_have_class("live-status is-offline")
    # The program moves on while the projector cannot hear about it.
    in_thread(
        services.step, seminar=seminar, version=selectors.live_state(seminar).version, forward=True
    )
    daphne_server.start()

    # The page retries with back-off (0.5 s, 1 s, 2 s, 4 s... plus jitter): allow for a few rounds.
    expect(projector_title(projector)).to_have_text("Kaffe", timeout=20_000)
    expect(status).to_have_text(status.get_attribute("data-online"))
    assert was_not_reloaded(projector)


def test_countdown_agrees_on_every_screen_even_on_a_phone_with_a_wrong_clock(seminar, screens):
    projector = screens.projector(seminar)
    phone = screens.phone(factories.participant(seminar))
    skewed = screens.phone(factories.participant(seminar), init_script=SKEWED_CLOCK)
    tablet = screens.tablet(seminar)
    pages = [projector, tablet, phone, skewed]
    skew_ms = skewed.evaluate("Date.now()") - time.time() * 1000
    assert 6.5 * 60_000 < skew_ms < 7.5 * 60_000, (
        f"the phone's clock is not 7 minutes fast ({skew_ms} ms)"
    )
    next_button(tablet).click()
    for page in pages:
        expect(countdown(page)).to_have_text("15:00")

    tablet.locator("#timer-start").click()
    for page in pages:
        expect(countdown(page)).to_have_attribute("data-running", "1")
    time.sleep(1.5)  # let the countdowns run

    names = ["projector", "tablet", "phone", "phone 7 minutes fast"]
    shown = {name: countdown(page).text_content() for name, page in zip(names, pages, strict=True)}
    figures = [seconds(text) for text in shown.values()]
    assert max(figures) - min(figures) <= 1, shown
    assert all(15 * 60 - 30 <= figure < 15 * 60 for figure in figures), (
        f"not counting down: {shown}"
    )


def test_shifting_the_rest_of_the_day_changes_the_projectors_next_time(seminar, screens):
    projector = screens.projector(seminar)
    tablet = screens.tablet(seminar)
    next_button(tablet).click()
    expect(projector.locator("#projector-screen .next")).to_have_text("Næste: Velkommen kl. 08:15")

    tablet.locator("#id_minutes").fill("10")
    tablet.locator("#id_confirm").check()
    tablet.locator("#shift-submit").click()

    expect(projector.locator("#projector-screen .next")).to_have_text("Næste: Velkommen kl. 08:25")
    expect(
        tablet.locator("#tablet-live .agenda-table tr", has_text="Velkommen").locator(".time")
    ).to_contain_text("08:25")


def test_join_screen_shows_a_qr_code_and_an_address_that_lets_a_participant_in(
    seminar, screens, daphne_server
):
    participant = factories.participant(seminar, name="Birthe Lauridsen")
    projector = screens.projector(seminar)
    tablet = screens.tablet(seminar)

    tablet.locator("#projector-join").click()

    expect(projector.locator("#projector-screen svg.qr")).to_be_visible()
    join_url = f"{daphne_server.url}/s/{seminar.slug}/join/"
    expect(projector.locator("#projector-screen .join-url")).to_have_text(join_url)
    phone = screens.new_page()
    phone.goto(projector.locator("#projector-screen .join-url").text_content())
    phone.locator("#id_code").press_sequentially(participant.code)
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(f"**/s/{seminar.slug}/")
    expect(phone.locator(".bar .who")).to_contain_text("Birthe Lauridsen")
    expect(phone.locator("#live-status")).to_have_class("live-status is-online")


def test_hostile_projector_message_shows_as_text_and_runs_nothing(seminar, screens):
    projector = screens.projector(seminar)
    tablet = screens.tablet(seminar)
    projector.evaluate("window.__pwned = 0")

    tablet.locator("#id_message").fill(HOSTILE)
    tablet.locator("#projector-message").click()

    message = projector.locator("#projector-screen .message")
    expect(message).to_have_text(HOSTILE)
    assert message.locator("*").count() == 0
    assert projector.evaluate("window.__pwned") == 0
    assert screens.dialogs == []
    projector.reload()  # the first render of the page escapes it too, not only the push
    expect(message).to_have_text(HOSTILE)
    assert message.locator("*").count() == 0
    assert screens.dialogs == []
