"""The poll in Chromium: the facilitator opens it and shows the results from the tablet, two
phones vote (one changes its mind), and the projector's bars move without a reload; with 8
long options the bars fit a 1280×720 and a 1920×1080 projector, big enough for the back row."""

import pytest
from playwright.sync_api import expect

from program.poll import services
from tests import factories
from tests.browser.fit import measure
from tests.browser.helpers import (
    axe_violations,
    describe_violations,
    in_thread,
    mark_loaded,
    wait_live,
    was_not_reloaded,
)
from tests.browser.seminar_room import SLOW_MS
from tests.poll.conftest import make_poll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_OPTIONS = [
    f"Vi giver nye medarbejdere en fast makker det første halve år og følger op hver måned {number}"
    for number in range(1, 9)
]
DANISH_OPTIONS = [
    "Rekrutteringsudfordringerne på ældreområdet og sundhedsområdet",
    "Medarbejdertrivsel og arbejdsmiljøorganisationens forandringsparathed",
    "Digitaliseringsstrategien og velfærdsteknologiimplementeringen",
    "Samskabelse med borgere, virksomheder og frivillige foreninger i lokalsamfundet",
    "Økonomistyring og budgetopfølgning på tværs af forvaltningerne",
    "Grøn omstilling: bæredygtighedsstrategi og klimatilpasningsplanlægning",
    "Ledelsesudvikling for førstelinjeledere og mellemledere i hele kommunen",
    "Borgerinddragelse og nærdemokrati i landsbyerne og på øerne",
]
BARS = """() => [...document.querySelectorAll('#poll-board .poll-bar')].map(bar => {
  const r = bar.getBoundingClientRect();
  return r.width > 0 && r.left >= 0 && r.top >= 0
    && r.right <= innerWidth && r.bottom <= innerHeight;
})"""
COUNT_BELOW = """() => {
  const bars = [...document.querySelectorAll('#poll-board .poll-bar')];
  const voters = document.querySelector('#poll-board .poll-voters');
  return !voters || !bars.length
    || voters.getBoundingClientRect().top >= bars[bars.length - 1].getBoundingClientRect().bottom;
}"""
OPTION_SIZE = """() => Math.min(...[...document.querySelectorAll('#poll-board .poll-option span')]
  .map(span => parseFloat(getComputedStyle(span).fontSize)))"""


def test_two_phones_vote_and_the_projectors_bars_move_without_a_reload(seminar, screens):
    item = in_thread(make_poll, seminar)
    first, second = (
        in_thread(factories.participant, seminar),
        in_thread(factories.participant, seminar),
    )
    tablet, projector = screens.tablet(seminar), screens.projector(seminar)
    phones = [screens.phone(first), screens.phone(second)]
    mark_loaded(projector)

    tablet.locator("#poll-toggle").click()
    expect(tablet.locator("#poll-toggle")).to_have_text("Luk afstemningen", timeout=SLOW_MS)
    tablet.locator("#poll-results-toggle").click()
    expect(projector.locator("#poll-board")).to_contain_text(
        "0\u00a0stemmer · 0\u00a0%", timeout=SLOW_MS
    )

    for phone, label in ((phones[0], "Trivsel"), (phones[1], "Trivsel")):
        ballot = phone.locator("#poll-ballot fieldset")
        expect(ballot.locator("legend")).to_contain_text(
            "Hvad skal vi tage fat på først?", timeout=SLOW_MS
        )
        ballot.get_by_label(label).check()
        phone.locator("#poll-send").click()
        expect(phone.locator("#poll-mine")).to_have_text(
            "Din stemme: Trivsel. Du kan rette den, indtil afstemningen lukker.", timeout=SLOW_MS
        )
    results = projector.locator("#poll-board .poll-result")
    expect(results.nth(1)).to_contain_text("2\u00a0stemmer · 100\u00a0%", timeout=SLOW_MS)

    phones[1].locator("#poll-ballot").get_by_label("Digitalisering").check()
    phones[1].locator("#poll-send").click()

    expect(results.nth(1)).to_contain_text("1\u00a0stemme · 50\u00a0%", timeout=SLOW_MS)
    expect(results.nth(2)).to_contain_text("1\u00a0stemme · 50\u00a0%", timeout=SLOW_MS)
    expect(projector.locator("#poll-board")).to_contain_text(
        "2 personer har stemt.", timeout=SLOW_MS
    )
    expect(phones[1].locator("#poll-option-2")).to_be_checked(timeout=SLOW_MS)
    expect(phones[0].locator("#poll-results")).to_contain_text(
        "1\u00a0stemme · 50\u00a0%", timeout=SLOW_MS
    )
    assert projector.locator("#poll-board .poll-bar").nth(1).locator("rect").nth(1).get_attribute(
        "width"
    ) == ("50.0")

    tablet.locator("#poll-toggle").click()
    for phone in phones:
        expect(phone.locator("#poll-ballot")).to_contain_text(
            "Afstemningen er lukket.", timeout=SLOW_MS
        )
        expect(phone.locator("#poll-ballot fieldset")).to_have_count(0, timeout=SLOW_MS)
    assert was_not_reloaded(projector)
    assert in_thread(lambda: item.poll_votes.count()) == 2


def test_eight_long_options_fit_the_projector_for_the_back_row(seminar, screens):
    item = in_thread(make_poll, seminar, options=LONG_OPTIONS)
    voters = [in_thread(factories.participant, seminar) for _ in range(3)]
    in_thread(services.open_poll, item=item)
    for number, voter in enumerate(voters):
        in_thread(services.vote, item=item, voter=voter, options=[number])
    projector = screens.projector(seminar)
    found = {}

    for shown in (False, True):
        in_thread(services.show_results, item=item, shown=shown)
        projector.reload()  # this process's pushes do not reach the server's in-memory layer
        wait_live(projector)
        board = projector.locator("#poll-board")
        expect(board.locator(".poll-bars" if shown else ".poll-choices")).to_have_count(
            1, timeout=SLOW_MS
        )
        for width, height in ((1920, 1080), (1280, 720)):
            projector.set_viewport_size({"width": width, "height": height})
            figures = measure(projector)
            bars = projector.evaluate(BARS)
            size = projector.evaluate(OPTION_SIZE) if shown else None
            found[(shown, width)] = {
                "cut": figures["cut"],
                "page": (figures["width"], figures["height"]),
                "pages": figures["pages"],
                "bars inside": all(bars) and len(bars) == (8 if shown else 0),
                "count under the last bar": projector.evaluate(COUNT_BELOW),
                "option text ≥ 28 px at 1080": size >= 28 if shown and height == 1080 else True,
                "smallest ≥ 2.6 %": figures["smallest"] >= 0.026 * height,
            }

    assert found == {
        key: {
            "cut": [],
            "page": (key[1], 1080 if key[1] == 1920 else 720),
            "pages": "",
            "bars inside": True,
            "count under the last bar": True,
            "option text ≥ 28 px at 1080": True,
            "smallest ≥ 2.6 %": True,
        }
        for key in found
    }


def test_the_poll_passes_axe_on_phone_tablet_and_projector(seminar, screens):
    item = in_thread(make_poll, seminar, choice="multiple")
    voter = in_thread(factories.participant, seminar)
    in_thread(services.open_poll, item=item)
    in_thread(services.vote, item=item, voter=voter, options=[0, 2])
    in_thread(services.show_results, item=item, shown=True)
    pages = {
        "phone": screens.phone(voter, bypass_csp=True),
        "tablet": screens.tablet(seminar, bypass_csp=True),
        "projector": screens.projector(seminar, bypass_csp=True),
    }
    expect(pages["phone"].locator("#poll-option-2")).to_be_checked()
    expect(pages["phone"].locator("#poll-results .poll-result")).to_have_count(3)

    found = {name: describe_violations(axe_violations(page)) for name, page in pages.items()}

    assert found == {"phone": "", "tablet": "", "projector": ""}


def test_the_count_of_voters_stays_under_the_last_bar_with_long_danish_options(seminar, screens):
    item = in_thread(make_poll, seminar, options=DANISH_OPTIONS)
    in_thread(services.open_poll, item=item)
    for number in range(8):
        voter = in_thread(factories.participant, seminar, f"Søren Ærø Åberg {number}")
        in_thread(services.vote, item=item, voter=voter, options=[number])
    in_thread(services.show_results, item=item, shown=True)
    projector = screens.projector(seminar)
    wait_live(projector)
    expect(projector.locator("#poll-board .poll-voters")).to_be_visible(timeout=SLOW_MS)
    found = {}
    for width, height in ((1920, 1080), (1280, 720)):
        projector.set_viewport_size({"width": width, "height": height})
        measure(projector)  # the fonts are loaded and the fit has run
        found[width] = (projector.evaluate(COUNT_BELOW), all(projector.evaluate(BARS)))

    assert found == {1920: (True, True), 1280: (True, True)}
