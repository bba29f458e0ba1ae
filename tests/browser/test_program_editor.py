"""Editing the program in the browser while the room runs it: the facilitator adds, moves,
retimes and removes items on the editor's pages, and the projector and a phone follow
without a reload."""

import re

import pytest
from playwright.sync_api import expect

from program import services
from program.models import AgendaItem
from tests import factories
from tests.browser.helpers import (
    axe_violations,
    describe_violations,
    in_thread,
    mark_loaded,
    was_not_reloaded,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editing_the_program_reaches_the_projector_and_the_phones(screens):
    seminar = factories.seminar()
    in_thread(
        services.jump,
        seminar=seminar,
        version=1,
        item=AgendaItem.objects.for_seminar(seminar).get(title="Kaffe"),
    )
    tablet, projector = screens.tablet(seminar), screens.projector(seminar)
    phone = screens.phone(factories.participant(seminar))
    for page in (projector, phone):
        mark_loaded(page)
    expect(projector.locator("#projector-screen .next")).to_contain_text("Velkommen")
    tablet.goto(f"/s/{seminar.slug}/program/")

    # Add: a short pause before the welcome becomes what comes next.
    tablet.locator("#id_new-day").select_option("2026-03-05")
    tablet.locator("#id_new-start").fill("08:05")
    tablet.locator("#id_new-minutes").fill("10")
    tablet.locator("#id_new-title").fill("Strækøvelser")
    tablet.locator("#id_new-kind").select_option("break")
    tablet.locator("#add-item").click()
    expect(tablet.locator(".messages")).to_contain_text("Strækøvelser")
    expect(projector.locator("#projector-screen .next")).to_contain_text("Strækøvelser")
    expect(phone.locator("#phone-program")).to_contain_text("Strækøvelser")

    # Move: the stretch goes below the welcome, which takes its time slot.
    added = AgendaItem.objects.get(day__seminar=seminar, title="Strækøvelser")
    tablet.locator(f"#down-{added.pk}").click()
    expect(projector.locator("#projector-screen .next")).to_contain_text(
        re.compile(r"Velkommen.*08:05")
    )

    # Retime: the welcome moves to 08:10 on its own page.
    welcome = AgendaItem.objects.get(day__seminar=seminar, title="Velkommen")
    tablet.locator(f"#edit-item-{welcome.pk}").click()
    tablet.locator("#id_start").fill("08:10")
    tablet.locator("#item-save").click()
    expect(tablet.locator(".messages")).to_contain_text("Velkommen")
    expect(projector.locator("#projector-screen .next")).to_contain_text(
        re.compile(r"Velkommen.*08:10")
    )
    expect(phone.locator("#phone-program")).to_contain_text("08:10")

    # Delete: the stretch is gone from every screen.
    tablet.locator(f"#remove-{added.pk}").click()
    expect(tablet.locator(f"#remove-{added.pk}")).to_have_count(0)
    expect(phone.locator("#phone-program")).not_to_contain_text("Strækøvelser")

    assert was_not_reloaded(projector) and was_not_reloaded(phone)


def test_setup_pages_pass_axe_and_work_by_keyboard(screens):
    seminar = factories.seminar()
    tablet = screens.tablet(seminar, bypass_csp=True)
    item = AgendaItem.objects.for_seminar(seminar).get(title="Velkommen")
    for path in (
        "/",
        "/new/",
        f"/s/{seminar.slug}/program/",
        f"/s/{seminar.slug}/program/items/{item.pk}/",
        f"/s/{seminar.slug}/facilitators/",
    ):
        tablet.goto(path)
        violations = axe_violations(tablet)
        assert not violations, f"axe on {path}:\n{describe_violations(violations)}"

    # A refused change by keyboard alone: the message sits at its field, which says it is wrong.
    tablet.goto(f"/s/{seminar.slug}/program/items/{item.pk}/")
    tablet.locator("#id_start").fill("07:00")
    tablet.locator("#id_start").press("Enter")
    expect(tablet.locator("#id_start_error")).to_contain_text("er før starten på punktet ovenover")
    expect(tablet.locator("#id_start")).to_have_attribute("aria-invalid", "true")
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)
