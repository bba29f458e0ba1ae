"""QR codes that scan: decoded by a real decoder (zxing-cpp) from what Chromium draws.

The projector's join code from a screenshot at each projector size, at least 45 % of the
screen's height; the join cards from the page printed to PDF (A4 portrait) and from a
print-size picture of the page: every card's code at least 25 mm and decoding to that
person's own link.
"""

import io
from pathlib import Path
from urllib.parse import urlsplit

import pypdfium2
import pytest
import zxingcpp
from django.conf import settings
from PIL import Image

from seminar import links
from seminar.roster import import_roster
from tests.browser.full_room import name_people
from tests.browser.test_projector_fit import SIZES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROSTER = Path(settings.BASE_DIR) / "fixtures" / "varde-2014-roster.csv"
A4_MM = (210, 297)
PX_PER_MM = 96 / 25.4  # CSS pixels


def decoded(image: Image.Image) -> set[str]:
    return {
        result.text
        for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    }


def paths(urls: set[str]) -> set[str]:
    """The addresses' paths: the server's BASE_URL has its own port, the test's the default."""
    return {urlsplit(url).path for url in urls}


def test_the_projector_join_code_scans_at_every_size(reference_seminar, screens):
    from program.models import LiveState

    LiveState.objects.update_or_create(
        seminar=reference_seminar, defaults={"projector": LiveState.Projector.JOIN}
    )
    projector = screens.projector(reference_seminar)
    join_url = projector.locator("#projector-screen .join-url").inner_text()
    assert join_url.endswith(f"/s/{reference_seminar.slug}/join/")
    for width, height in SIZES:
        projector.set_viewport_size({"width": width, "height": height})
        code = projector.locator("#projector-screen svg.qr").bounding_box()
        assert code["height"] >= 0.45 * height, (width, height, code)
        shot = Image.open(io.BytesIO(projector.screenshot()))
        assert decoded(shot) == {join_url}, (width, height)
        # The address and the instruction are read from the back row too.
        for selector in (".join-url", ".join-hint"):
            size = projector.locator(f"#projector-screen {selector}").evaluate(
                "el => parseFloat(getComputedStyle(el).fontSize)"
            )
            assert size >= 0.04 * height, (selector, width, height, size)


@pytest.fixture
def roster(reference_seminar):
    import_roster(seminar=reference_seminar, data=ROSTER.read_bytes())
    name_people(reference_seminar)  # the 120-letter name and the open RLO are on cards too
    return {
        urlsplit(links.personal_link(person)).path: person
        for person in reference_seminar.participants.all()
    }


def test_every_join_card_scans_from_print_and_fits_a4(reference_seminar, roster, screens):
    tablet = screens.tablet(reference_seminar)
    tablet.goto(f"/s/{reference_seminar.slug}/people/cards/")
    tablet.emulate_media(media="print")
    sizes = tablet.locator(".join-card .card-qr svg").evaluate_all(
        "codes => codes.map(code => code.getBoundingClientRect().width)"
    )
    assert len(sizes) == len(roster) and min(sizes) >= 25 * PX_PER_MM, min(sizes)

    pdf = pypdfium2.PdfDocument(tablet.pdf(prefer_css_page_size=True))
    pages = [pdf[index] for index in range(len(pdf))]
    assert {tuple(round(side * 25.4 / 72) for side in page.get_size()) for page in pages} == {A4_MM}
    assert len(pages) == -(-len(roster) // 8)  # eight cards to a page
    from_pdf = set().union(*(decoded(page.render(scale=300 / 72).to_pil()) for page in pages))
    assert paths(from_pdf) == set(roster)

    # The page as printed, as a picture: nothing wider than A4's printable width (190 mm).
    tablet.set_viewport_size({"width": round(190 * PX_PER_MM), "height": round(277 * PX_PER_MM)})
    width = tablet.evaluate("document.documentElement.scrollWidth")
    assert width <= round(190 * PX_PER_MM) + 1, width
    picture = Image.open(io.BytesIO(tablet.screenshot(full_page=True, scale="device")))
    assert paths(decoded(picture)) == set(roster)
