"""The three screens pass axe-core without serious findings, and the tablet works by keyboard."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.helpers import axe_violations, describe_violations, open_program

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 40


def assert_no_grave_violations(page, what: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe on the {what}:\n{describe_violations(violations)}"


def test_phone_page_has_no_serious_accessibility_violations(seminar, screens):
    phone = screens.phone(factories.participant(seminar), bypass_csp=True)
    tablet = screens.tablet(seminar)
    tablet.locator("#step-next").click()
    expect(phone.locator("#phone-live [data-countdown]")).to_have_text("15:00")

    assert_no_grave_violations(phone, "phone")


def test_projector_has_no_serious_accessibility_violations_in_item_and_join_mode(seminar, screens):
    projector = screens.projector(seminar, bypass_csp=True)
    tablet = screens.tablet(seminar)
    tablet.locator("#step-next").click()
    expect(projector.locator("#projector-screen [data-countdown]")).to_have_text("15:00")

    assert_no_grave_violations(projector, "projector showing an item")

    tablet.locator("#projector-join").click()
    expect(projector.locator("#projector-screen svg.qr")).to_be_visible()
    assert_no_grave_violations(projector, "projector showing the join screen")


def test_tablet_has_no_serious_accessibility_violations(seminar, screens):
    tablet = screens.tablet(seminar, bypass_csp=True)
    assert_no_grave_violations(tablet, "tablet before the start")

    tablet.locator("#step-next").click()
    expect(tablet.locator("#current-heading")).to_have_text("Kaffe")
    assert_no_grave_violations(tablet, "tablet with an item running")


def test_join_page_has_no_serious_accessibility_violations(seminar, screens):
    phone = screens.new_page(bypass_csp=True)
    phone.goto(f"/s/{seminar.slug}/join/")
    assert_no_grave_violations(phone, "join page")

    phone.locator("#id_code").fill("WRONG1")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator("#code-error")).to_be_visible()
    assert_no_grave_violations(phone, "join page with a wrong code")


def tab_to(page, element_id: str) -> None:
    """Press Tab, as a keyboard user would, until the element has focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    pytest.fail(f"#{element_id} never got focus in {MAX_TABS} presses of Tab")


def focus_ring(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {focusVisible: el.matches(':focus-visible'), outlineStyle: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth), boxShadow: style.boxShadow};
    }""")


def test_tablet_runs_the_program_with_the_keyboard_alone(seminar, screens):
    projector = screens.projector(seminar)
    tablet = screens.tablet(seminar)
    next_button = tablet.get_by_role("button", name="Næste", exact=True)

    tab_to(tablet, "step-next")
    expect(next_button).to_be_focused()
    ring = focus_ring(tablet)
    assert ring["focusVisible"], ring
    assert (ring["outlineStyle"] != "none" and ring["outlineWidth"] >= 2) or ring[
        "boxShadow"
    ] != "none", ring

    tablet.keyboard.press("Enter")
    expect(projector.locator("#projector-screen h1")).to_have_text("Kaffe")
    expect(tablet.locator("#current-heading")).to_have_text("Kaffe")

    # The panel was swapped under the focus: the button keeps it, so the next press works too.
    expect(next_button).to_be_focused()
    tablet.keyboard.press("Space")
    expect(projector.locator("#projector-screen h1")).to_have_text("Velkommen")
    expect(tablet.locator("#current-heading")).to_have_text("Velkommen")


def test_program_list_jumps_and_reveals_with_the_keyboard(seminar, screens):
    """Each row's "Go" and "Reveal" submit the list's one form for their item (form="...")."""
    surprise = next(item for item in factories.items(seminar) if item.secret)
    projector = screens.projector(seminar)
    tablet = screens.tablet(seminar)
    open_program(tablet)

    tablet.locator(f"#jump-{surprise.pk}").focus()
    tablet.keyboard.press("Enter")
    expect(tablet.locator("#current-heading")).to_have_text("Overraskelse")
    expect(projector.locator("#projector-screen .lead")).not_to_contain_text("Hemmelig koncert")

    tablet.locator(f"#reveal-{surprise.pk}").focus()
    tablet.keyboard.press("Enter")
    expect(projector.locator("#projector-screen .lead")).to_have_text("Hemmelig koncert")
    expect(tablet.locator(f"#reveal-{surprise.pk}")).to_have_count(0)
    expect(tablet.locator(f"#jump-{surprise.pk}")).to_be_focused()  # the row's other button
