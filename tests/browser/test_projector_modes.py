"""Modes the room can follow, and names that cannot break a screen.

"Find din gruppe" (or the join screen, a message) gives way to the next item on "Næste",
and the tablet says in words what the projector shows. A 120-letter name without a space
wraps on the projector, the phone and the printouts; a name with an unclosed right-to-left
override is isolated, so the text after it ("Bord 6") still reads left to right.
"""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from program import services
from program.models import AgendaItem
from seminar.roster import import_roster
from tests.browser import full_room
from tests.browser.helpers import in_thread, wait_live

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROSTER = Path(settings.BASE_DIR) / "fixtures" / "varde-2014-roster.csv"

# Whether a text reads left to right as drawn: its first letter left of its last.
READS_IN_ORDER = """el => {
  const text = [...el.childNodes].find(node => node.nodeType === 3 && node.textContent.trim());
  const range = document.createRange();
  const left = (from) => { range.setStart(text, from); range.setEnd(text, from + 1);
                           return range.getBoundingClientRect().left; };
  const value = text.textContent, first = value.search(/\\S/), last = value.trimEnd().length - 1;
  return left(first) < left(last);
}"""
# Every text holding a direction control sits inside an isolating element.
ALL_ISOLATED = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const loose = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!/[\\u202a-\\u202e\\u2066-\\u2069]/.test(node.textContent)) continue;
    let el = node.parentElement, isolated = false;
    for (; el && el !== document.body; el = el.parentElement) {
      if (/isolate|plaintext/.test(getComputedStyle(el).unicodeBidi)) { isolated = true; break; }
    }
    if (!isolated) loose.push(node.parentElement.outerHTML.slice(0, 80));
  }
  return loose;
}"""
# What follows a name (" · department") is drawn after it: to its right, or on a later line.
# The text after a name starts where the name's last line ends (a long name wraps), or below it.
FOLLOWS_THE_NAME = """li => {
  const lines = li.querySelector("bdi").getClientRects();
  const name = lines[lines.length - 1];
  const after = li.querySelector(".dept").getClientRects()[0];
  return after.left >= name.right - 1 || after.top >= name.bottom - 1;
}"""
FITS = "() => document.documentElement.scrollWidth <= innerWidth"


@pytest.fixture
def room(reference_seminar):
    import_roster(seminar=reference_seminar, data=ROSTER.read_bytes())
    in_thread(full_room.form_rounds, reference_seminar)
    people = full_room.name_people(reference_seminar)
    items = list(AgendaItem.objects.for_seminar(reference_seminar))
    table_talk = next(item for item in items if item.kind == "table_talk")
    in_thread(services.jump, seminar=reference_seminar, version=None, item=table_talk)
    return reference_seminar, people, table_talk, items[items.index(table_talk) + 1]


def test_find_your_group_gives_way_to_the_next_item_and_the_tablet_says_so(room, screens):
    seminar, _, table_talk, after = room
    tablet = screens.tablet(seminar)
    projector = screens.projector(seminar)
    now = tablet.locator("#projector-now")
    expect(now).to_contain_text(f"Salen ser “{table_talk.title}”")

    tablet.locator("#projector-groups").click()
    expect(projector.locator("#projector-screen .find-group")).to_be_visible()
    expect(now).to_contain_text("Salen ser listen over, hvem der sidder hvor, ikke punktet.")
    expect(now).to_contain_text("“Næste” bringer den tilbage")

    tablet.get_by_role("button", name="Næste", exact=True).click()
    expect(projector.locator("#projector-screen h1")).to_have_text(after.title)
    expect(projector.locator("#projector-screen .find-group")).to_have_count(0)
    expect(now).to_contain_text(f"Salen ser “{after.title}”")
    expect(tablet.locator("#projector-item")).to_have_attribute("aria-pressed", "true")


def test_long_and_right_to_left_names_break_no_screen_and_no_printout(room, screens):
    seminar, people, _, _ = room
    long_named, rlo_named = people[0], people[1]
    tablet = screens.tablet(seminar)
    tablet.locator("#projector-groups").click()
    projector = screens.projector(seminar)
    for width, height in ((1920, 1080), (1024, 768)):
        projector.set_viewport_size({"width": width, "height": height})
        projector.evaluate("window.projectorFit()")
        for name in (long_named.name[:24], "Al-Rashid"):
            row = projector.locator(".find-group li").filter(has_text=name)
            for _ in range(4):  # the pages turn until the person's row shows
                if row.is_visible():
                    break
                projector.evaluate("window.projectorTurn()")
            expect(row).to_be_visible()
            assert row.locator(".group").evaluate(READS_IN_ORDER)
            assert projector.evaluate(FITS)
            assert projector.evaluate(ALL_ISOLATED) == []

    for person in (long_named, rlo_named):
        phone = screens.phone(person)
        wait_live(phone)
        phone.locator("#group-members summary").click()  # the members are folded under the group
        expect(phone.locator("#phone-group .members")).to_be_visible()
        assert phone.evaluate(FITS)
        assert phone.evaluate(ALL_ISOLATED) == []
        for member in phone.locator("#phone-group .members li").all():
            assert member.evaluate(FOLLOWS_THE_NAME)

    tablet.goto(f"/s/{seminar.slug}/people/cards/")
    tablet.emulate_media(media="print")
    assert tablet.evaluate(FITS)
    assert tablet.evaluate(ALL_ISOLATED) == []
    card = tablet.locator(".join-card").filter(has_text=long_named.name[:24])
    assert card.evaluate("card => card.scrollWidth <= card.clientWidth")
    round_ = seminar.groupings.get(name="Borde").rounds.get(number=1)
    tablet.goto(f"/s/{seminar.slug}/groups/{round_.grouping_id}/round/1/print/")
    assert tablet.evaluate(FITS)
    assert tablet.evaluate(ALL_ISOLATED) == []
