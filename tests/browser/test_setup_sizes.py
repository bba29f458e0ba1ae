"""The setup pages and the vernissage's comment lists at the sizes they are used at: a landscape
and a portrait tablet and a phone. Words of the app's own (headings, buttons, kinds) stay whole,
the pages use the width they have and never widen past it, and a phone reads 16 px text."""

import uuid

import pytest

from program.ideas import services as ideas
from program.models import AgendaItem, Comment
from tests import factories
from tests.browser.helpers import in_thread
from tests.program.tables import seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANDSCAPE, PORTRAIT = {"width": 1180, "height": 820}, {"width": 768, "height": 1024}
PHONE = {"width": 390, "height": 844}
LONG_NAME = "Bartholomæus" * 8
# One line of a button is 44 px high, of a heading cell 35 px: a word broken in two is taller.
LAYOUT = """() => ({
  page: document.documentElement.scrollWidth,
  main: Math.round(document.querySelector('main > :last-child').getBoundingClientRect().width
    / (innerWidth - 32) * 10) / 10,
  tallest_button: Math.max(0, ...[...document.querySelectorAll('.agenda-table button')]
    .map(b => b.getBoundingClientRect().height)),
  tallest_heading: Math.max(...[...document.querySelectorAll('.agenda-table th')]
    .map(th => th.getBoundingClientRect().height)),
})"""


def layout(page, path: str, viewport: dict) -> dict:
    page.set_viewport_size(viewport)
    page.goto(path)
    found = page.evaluate(LAYOUT)
    return {
        "page within the screen": found["page"] <= viewport["width"],
        "the width used": found["main"] >= 0.9,
        "buttons on one line": found["tallest_button"] < 56,
        "headings on one line": found["tallest_heading"] < 48,
    }


def test_the_editor_and_the_mail_pages_keep_words_whole_and_fit_tablet_and_phone(seminar, screens):
    item = AgendaItem.objects.for_seminar(seminar).get(title="Velkommen")
    item.title = "Velkomst ved kommunaldirektøren og borgmesteren i Ærøskøbing"
    in_thread(item.save)
    for number in range(3):
        in_thread(
            factories.participant,
            seminar,
            f"{LONG_NAME} {number}",
            email=f"person{number}@example.org",
        )
    tablet = screens.tablet(seminar, viewport=LANDSCAPE)
    found = {}
    for name, path in (
        ("editor", f"/s/{seminar.slug}/program/"),
        ("mail", f"/s/{seminar.slug}/mail/new/invitation/"),
    ):
        for size in (LANDSCAPE, PORTRAIT):
            found[(name, size["width"])] = layout(tablet, path, size)
    tablet.set_viewport_size(PHONE)
    tablet.goto(f"/s/{seminar.slug}/program/")
    phone = tablet.evaluate(
        """() => ({page: document.documentElement.scrollWidth,
        region: document.querySelector('.table-scroll')?.tabIndex})"""
    )

    everything_right = dict.fromkeys(next(iter(found.values())), True)
    assert found == dict.fromkeys(found, everything_right)
    assert phone == {"page": 390, "region": 0}  # the table scrolls in its own region


COMMENT_LIST = """() => {
  const rows = [...document.querySelectorAll('.comments > li')];
  return {
    page: document.documentElement.scrollWidth,
    smallest: Math.min(...rows.flatMap(row => [row, ...row.querySelectorAll('*')])
      .map(element => parseFloat(getComputedStyle(element).fontSize))),
    apart: rows.slice(1).every((row, n) =>
      row.getBoundingClientRect().top >= rows[n].getBoundingClientRect().bottom
      && parseFloat(getComputedStyle(row).borderTopWidth) >= 1),
    rows: rows.length,
  };
}"""


def test_a_tables_comment_list_reads_at_16_px_one_comment_apart_on_a_phone(seminar, screens):
    brainstorm = in_thread(seat, seminar, "brainstorm", sizes=(3, 3), position=1)
    for people in brainstorm.people:
        in_thread(
            ideas.submit_idea,
            item=brainstorm.item,
            author=people[0],
            text="Arbejdsmiljørepræsentanterne med fra begyndelsen",
            key=uuid.uuid4(),
        )
    tables = in_thread(seat, seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)
    idea = tables.groups[0].ideas.get()
    in_thread(
        Comment.objects.bulk_create,
        [
            Comment(
                idea=idea,
                author=tables.people[1][n % 3],
                text=f"Borgerinddragelsesprocesserne og lokalrådenes årsplanlægning {n}",
                key=uuid.uuid4(),
            )
            for n in range(5)
        ],
    )
    phone = screens.phone(tables.people[0][1])
    phone.goto(f"/s/{seminar.slug}/galleries/{tables.item.pk}/{tables.groups[0].pk}/comments/")

    found = phone.evaluate(COMMENT_LIST)

    assert found == {"page": 390, "smallest": 16, "apart": True, "rows": 5}
