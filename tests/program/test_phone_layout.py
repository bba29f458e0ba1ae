"""The phone page's layout is its template's: the parts in the order of the first screen."""

import re

import pytest

from program import screens, selectors
from program import services as program_services
from tests import factories

FIRST_SCREEN_ORDER = ["phone-live", "phone-group", "activity-person", "activity-panel", "activity-group",
                      "activity-live", "phone-program"]


def top_level_ids(frame: str) -> list[str]:
    """The ids of the frame's top-level elements, in order (what live.js swaps)."""
    ids, depth = [], 0
    for match in re.finditer(r"<(/?)(div|section)\b([^>]*)>", frame):
        closing, _, attributes = match.groups()
        if closing:
            depth -= 1
            continue
        if depth == 0:
            found = re.search(r'\bid="([^"]+)"', attributes)
            ids.append(found.group(1) if found else "")
        depth += 1
    return ids


@pytest.fixture
def questions_on(seminar):
    item = factories.items(seminar)[1]
    item.kind = "questions"
    item.save()
    program_services.jump(seminar=seminar, version=1, item=item)
    return item


def test_the_phone_page_lays_its_parts_out_in_first_screen_order(phone_client, seminar, questions_on):
    page = phone_client.get(f"/s/{seminar.slug}/").content.decode()

    shown = [element for element in FIRST_SCREEN_ORDER if f'id="{element}"' in page]
    assert shown == FIRST_SCREEN_ORDER
    assert [page.index(f'id="{element}"') for element in shown] == sorted(page.index(f'id="{element}"')
                                                                            for element in shown)


def test_a_pushed_room_frame_has_the_same_parts_with_placeholders(seminar, questions_on):
    frame = screens.render_room("participant", selectors.room(seminar))

    assert top_level_ids(frame) == FIRST_SCREEN_ORDER
    assert 'id="activity-person" data-version="2" data-placeholder-for="item-' in frame
    assert 'id="activity-group" data-version="2" data-placeholder-for="item-' in frame
