"""Focus stays where the person was: after Start/Pause, Reveal, Hide/Show again and every vote
(own and others') the keyboard focus is on the same control or its replacement, and an open
"Notes" panel stays open when a push redraws the tablet."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from program import selectors
from program import services as program_services
from program.models import Question
from program.questions import services as questions
from tests import factories
from tests.browser.helpers import in_thread, open_program
from tests.program.tables import seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def questions_on(seminar):
    """The questions item on, with one question asked; its notes for the facilitator."""
    tables = seat(seminar, "questions")
    tables.item.notes = "Husk at samle op efter ti minutter"
    tables.item.save()
    asker = tables.people[0][0]
    question = questions.ask(
        item=tables.item,
        author=asker,
        text="Hvordan måler vi visionen?",
        anonymous=False,
        key=uuid.uuid4(),
    )
    return tables, question


def press(page, selector: str) -> None:
    """Focus a control and press Enter on it, as a keyboard user does."""
    page.locator(selector).focus()
    page.keyboard.press("Enter")


def test_focus_stays_on_the_timer_toggle_and_the_notes_stay_open(seminar, screens):
    tables, _ = in_thread(questions_on, seminar)
    tablet = screens.tablet(seminar)
    open_program(tablet)
    notes = tablet.locator(f"#notes-{tables.item.pk}")  # the item's notes in the program
    notes.locator("summary").click()
    expect(notes).to_have_attribute("open", "")
    current_notes = tablet.locator(f"#current-notes-{tables.item.pk}")  # and beside its controls
    current_notes.locator("summary").click()

    press(tablet, "#timer-start")
    expect(tablet.locator("#timer-pause")).to_be_focused()
    press(tablet, "#timer-pause")
    expect(tablet.locator("#timer-start")).to_be_focused()
    in_thread(
        program_services.add_timer_minutes,
        seminar=seminar,
        version=selectors.live_state(seminar).version,
        minutes=1,
    )  # a push from another tablet

    expect(tablet.locator(".timer [data-countdown]")).to_have_text(
        re.compile(r"^3[01]:\d\d$")
    )  # a minute more
    for panel in (tablet.locator("#agenda-fold"), notes, current_notes):
        expect(panel).to_have_attribute("open", "")
    expect(tablet.locator("#timer-start")).to_be_focused()


def test_focus_goes_to_the_heading_after_reveal(seminar, screens):
    item = factories.items(seminar)[0]
    item.secret = True
    item.save()
    in_thread(
        program_services.jump,
        seminar=seminar,
        version=selectors.live_state(seminar).version,
        item=item,
    )
    tablet = screens.tablet(seminar)

    press(tablet, "#reveal-current")

    expect(tablet.locator("#reveal-current")).to_have_count(0)
    expect(tablet.locator("#current-heading")).to_be_focused()


def test_focus_follows_hide_and_show_again_and_survives_votes(seminar, screens):
    tables, question = in_thread(questions_on, seminar)
    tablet = screens.tablet(seminar)
    phone = screens.phone(tables.people[0][1])
    other = screens.phone(tables.people[1][0])
    vote = f"#q-vote-{question.pk}"

    press(phone, vote)  # my own vote
    expect(phone.locator(vote)).to_have_attribute("aria-pressed", "true")
    expect(phone.locator(vote)).to_be_focused()
    other.locator(vote).click()  # someone else's vote redraws my list
    expect(phone.locator(vote)).to_contain_text("2")
    expect(phone.locator(vote)).to_be_focused()
    expect(phone.locator(vote)).to_have_accessible_name(
        "2 stemmer. Stem på: Hvordan måler vi visionen?"
    )

    press(tablet, f"#q-hide-{question.pk}")
    expect(tablet.locator(f"#q-show-{question.pk}")).to_be_focused()
    expect(phone.locator(vote)).to_have_count(0)
    assert Question.objects.get(pk=question.pk).hidden
    press(tablet, f"#q-show-{question.pk}")
    expect(tablet.locator(f"#q-hide-{question.pk}")).to_be_focused()
    expect(phone.locator(vote)).to_contain_text("2")
    assert not Question.objects.get(pk=question.pk).hidden


def test_the_current_items_change_is_announced_politely_on_the_phone(seminar, screens):
    tables, _ = in_thread(questions_on, seminar)
    phone = screens.phone(tables.people[0][0])
    tablet = screens.tablet(seminar)
    following = factories.items(seminar)[2]

    tablet.get_by_role("button", name="Næste", exact=True).click()

    voice = phone.locator("#now-announce")
    expect(voice).to_have_attribute("aria-live", "polite")
    expect(voice).to_have_text(f"Nu: {following.title}")


def test_focus_follows_an_ideas_hide_and_show_again_on_the_tablet(seminar, screens):
    from program.ideas import services as ideas

    tables = in_thread(seat, seminar, "brainstorm")
    idea = in_thread(
        ideas.submit_idea,
        item=tables.item,
        author=tables.people[0][0],
        text="Plakater",
        key=uuid.uuid4(),
    )
    tablet = screens.tablet(seminar)

    press(tablet, f"#idea-hide-{idea.pk}")
    expect(tablet.locator(f"#idea-show-{idea.pk}")).to_be_focused()
    press(tablet, f"#idea-show-{idea.pk}")
    expect(tablet.locator(f"#idea-hide-{idea.pk}")).to_be_focused()
