"""The projector is a slide: every state of it fits the screen and can be read from the back row.

For every item of the reference program, in every projector mode and every state of the
item's own activity, with a full room's content (tests/browser/full_room.py), at 1920×1080,
1280×720 and 1024×768: the page is no taller and no wider than the screen, no text or
picture is cut off by the screen or the slide's body, no visible text is smaller than 2.6 %
of the screen's height, and a running countdown is on the screen. One projector page is
resized through the three sizes, so the test stays quick.
"""

from pathlib import Path

import pytest
from django.conf import settings

from program.models import Idea
from seminar.roster import import_roster
from tests.browser import full_room
from tests.browser.fit import measure
from tests.browser.helpers import in_thread, wait_live

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROSTER = Path(settings.BASE_DIR) / "fixtures" / "varde-2014-roster.csv"
SIZES = [(1920, 1080), (1280, 720), (1024, 768)]
SMALLEST_SHARE = 0.026


@pytest.fixture
def full_seminar(reference_seminar):
    import_roster(seminar=reference_seminar, data=ROSTER.read_bytes())
    in_thread(full_room.form_rounds, reference_seminar)
    full_room.fill(reference_seminar)
    return reference_seminar


def problems_of(figures: dict, width: int, height: int, running: bool) -> list[str]:
    found = []
    if figures["height"] > height or figures["width"] > width:
        found.append(f"the page is {figures['width']}×{figures['height']}")
    if figures["smallest"] < SMALLEST_SHARE * height:
        found.append(f"text of {figures['smallest']:.1f}px: {figures['smallestText']!r}")
    if figures["cut"]:
        found.append(f"cut off: {figures['cut'][:3]}")
    if running and not figures["clock"]:
        found.append("the running countdown is not on the screen")
    return found


def test_every_projector_state_fits_every_screen_size(full_seminar, screens):
    projector = screens.projector(full_seminar)
    failures, pages, measured = [], [], 0
    for item, view, setup in full_room.every_view(full_seminar):
        setup()
        projector.reload()
        wait_live(projector)  # the socket's snapshot is in: no swap lands mid-measure
        for width, height in SIZES:
            projector.set_viewport_size({"width": width, "height": height})
            figures = measure(projector)
            measured += 1
            found = problems_of(figures, width, height, running=True)
            failures += [
                f"{item.title} ({view}) at {width}×{height}: {problem}" for problem in found
            ]
            if figures["pages"]:
                pages.append((item.kind, view, width, figures["pages"]))
    assert measured >= 26 * 3 * 3, measured
    assert not failures, "\n".join(failures)
    # What does not fit is paged, never dropped: the wall's 40 ideas, the Monday list of 75.
    assert {("brainstorm", "item"), ("commitments", "monday")} <= {
        (kind, view) for kind, view, *_ in pages
    }


def test_the_wall_turns_its_pages_until_every_idea_has_shown(full_seminar, screens):
    brainstorm = next(
        item
        for item, view, setup in full_room.every_view(full_seminar)
        if item.kind == "brainstorm" and view == "item"
    )
    dict(full_room.views(brainstorm))["item"]()
    projector = screens.projector(full_seminar)
    projector.set_viewport_size({"width": 1280, "height": 720})
    label = projector.locator("[data-pages-label]")
    total = int(measure(projector)["pages"].split("/")[1])
    seen = set()
    for page in range(1, total + 1):
        assert label.inner_text() == f"{page}/{total}"
        seen |= set(
            projector.locator("#idea-wall article.idea:visible").evaluate_all(
                "ideas => ideas.map(idea => Number(idea.dataset.idea))"
            )
        )
        projector.evaluate("window.projectorTurn()")
    assert label.inner_text() == f"1/{total}"
    assert seen == set(Idea.objects.filter(item=brainstorm).values_list("pk", flat=True))
