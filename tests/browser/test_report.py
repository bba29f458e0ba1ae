"""The seminar report in Chromium: a facilitator opens it, the photos load, it prints as A4
pages."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, describe_violations
from tests.program.report_data import produce

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_facilitator_opens_the_report_and_prints_it_as_a4(seminar, screens, tmp_path):
    produced = produce(seminar)
    tablet = screens.tablet(seminar, bypass_csp=True)
    tablet.goto(f"/s/{seminar.slug}/report/")

    expect(tablet.locator("h1")).to_contain_text(seminar.title)
    expect(tablet.locator("[data-print]")).to_be_visible()
    photo = tablet.locator(f"img[src$='/photos/{produced['idea'].pk}/small/']")
    tablet.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=photo.element_handle()
    )
    violations = axe_violations(tablet)
    assert not violations, describe_violations(violations)

    pdf = tablet.pdf(format="A4", path=str(tmp_path / "report.pdf"))
    # The agenda, then each day from a new page.
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= 3
