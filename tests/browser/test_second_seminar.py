"""A second seminar (tests/fixtures/solby-2026.toml, not the reference one) run through every item
in Chromium: a tablet, a projector, a phone in Danish and a phone in English follow each step, and
no screen shows a word that only the reference seminar has."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from groups import services as group_services
from program.models import AgendaItem
from program.programfile import import_program
from seminar.models import Participant
from seminar.roster import import_roster
from tests.browser.helpers import in_thread, wait_live
from tests.browser.seminar_room import SLOW_MS
from tests.test_no_reference_words import WORDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROGRAM = Path(__file__).parent.parent / "fixtures" / "solby-2026.toml"
DEPARTMENTS = (
    "Børn og Skole",
    "Ældre og Sundhed",
    "Teknik og Miljø",
    "Kultur og Fritid",
    "Direktion",
)


def roster() -> bytes:
    """40 leaders in 5 departments, as Danish Excel saves them; 3 process leaders lead the big
    groups."""
    rows = ["Navn;Afdeling;Rolle;E-mail"]
    for number in range(40):
        role = "procesleder" if number in (0, 13, 26) else "ledelse" if number >= 38 else "deltager"
        rows.append(
            f"Leder {number:02d};{DEPARTMENTS[number % 4 if number < 38 else 4]};{role};"
            f"leder{number}@solby.dk"
        )
    return "\r\n".join(rows).encode("cp1252")


def reference_words(page) -> list[str]:
    return WORDS.findall(page.locator("body").inner_text())


def test_the_second_seminar_runs_through_every_item_in_both_languages(screens):
    seminar = import_program(text=PROGRAM.read_text(encoding="utf-8"))
    import_roster(seminar=seminar, data=roster(), filename="deltagere.csv")
    for name, number in (("Borde", 1), ("Borde", 2), ("Store grupper", 1), ("Afdelingerne", 1)):
        formed = in_thread(
            group_services.form_round,
            grouping=seminar.groupings.get(name=name),
            number=number,
            seed=2026,
        )
        in_thread(group_services.publish_round, round_=formed)
    people = seminar.participants.filter(role=Participant.Role.PARTICIPANT).order_by("name")
    tablet, projector = screens.tablet(seminar), screens.projector(seminar)
    danish, english = screens.phone(people[0]), screens.phone(people[1])
    english.locator("button[name=language][value=en]").click()
    wait_live(english)
    items = list(AgendaItem.objects.for_seminar(seminar).in_order())
    seen = []

    for item in items:
        tablet.locator("#step-next").click()
        expect(tablet.locator("#current-heading")).to_have_text(item.title)
        expect(projector.locator("#projector-screen h1")).to_have_text(item.title, timeout=SLOW_MS)
        expect(danish.locator("#phone-live .now h2")).to_have_text(item.title, timeout=SLOW_MS)
        expect(english.locator("#phone-live .now h2")).to_have_text(item.title_en, timeout=SLOW_MS)
        for name, page in (
            ("tablet", tablet),
            ("projector", projector),
            ("phone (da)", danish),
            ("phone (en)", english),
        ):
            seen += [f"{item.key} on the {name}: {word}" for word in reference_words(page)]

    assert len(items) == 12 and items[-1].secret
    assert seen == []
    expect(english.locator("#phone-program")).to_contain_text("Dinner: a surprise")
    expect(danish.locator("#phone-program")).to_contain_text("Middag: en overraskelse")
    assert not re.search(r"\bHvad skal vi\b", english.locator("body").inner_text())
