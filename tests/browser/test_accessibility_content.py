"""axe-core (WCAG 2.0/2.1 A and AA, every impact) finds nothing on the phone, the tablet and
the projector in states with content: votes, hidden questions and cards, a photo, and the
English UI over Danish program text."""

import uuid

import pytest
from PIL import Image
from playwright.sync_api import expect

from program.questions import services as questions
from program.tabletalk import services as tabletalk
from tests.browser.helpers import AXE, describe_violations, in_thread, open_program
from tests.program.tables import seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations']})).violations",
        TAGS,
    )


def assert_clean(page, what: str) -> None:
    found = violations(page)
    assert not found, f"axe on the {what}:\n{describe_violations(found)}"


def english(page) -> None:
    page.locator("footer button[value=en]").click()
    page.wait_for_load_state("networkidle")


def questions_with_votes_and_a_hidden_one(seminar):
    tables = seat(seminar, "questions")
    people = [person for table in tables.people for person in table]
    asked = [
        questions.ask(
            item=tables.item, author=people[n], text=text, anonymous=n == 1, key=uuid.uuid4()
        )
        for n, text in enumerate(["Hvordan måler vi visionen?", "Hvem betaler?", "Skjul mig"])
    ]
    for voter in people[:3]:
        questions.toggle_vote(question=asked[0], voter=voter)
    questions.hide(question=asked[2])
    return tables


def test_the_audit_itself_finds_a_fault_when_there_is_one(seminar, screens):
    tables = in_thread(seat, seminar, "brainstorm")
    phone = screens.phone(tables.people[0][0], bypass_csp=True)
    phone.evaluate(
        "document.getElementById('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')"
    )

    assert "image-alt" in {violation["id"] for violation in violations(phone)}


@pytest.mark.parametrize("language", ["da", "en"])
def test_questions_with_votes_and_a_hidden_question_pass_axe_everywhere(seminar, screens, language):
    tables = in_thread(questions_with_votes_and_a_hidden_one, seminar)
    # A phone whose person has not voted yet (the first table voted for the first question):
    # its own vote must show as pressed, after the server's answer.
    phone = screens.phone(tables.people[1][1], bypass_csp=True)
    tablet = screens.tablet(seminar, bypass_csp=True, viewport={"width": 768, "height": 1024})
    projector = screens.projector(seminar, bypass_csp=True)
    if language == "en":
        english(phone)
        english(tablet)
    expect(phone.locator(".vote[aria-pressed=true]")).to_have_count(0)
    phone.locator(".vote").first.click()
    expect(phone.locator(".vote[aria-pressed=true]")).to_have_count(1)
    open_program(tablet)

    assert_clean(phone, f"phone with votes ({language})")
    assert_clean(tablet, f"tablet with a hidden question ({language})")
    assert_clean(projector, "projector with questions")


def cards_with_a_hidden_one(seminar):
    tables = seat(seminar, "table_talk")
    for n, person in enumerate(tables.people[0]):
        card = tabletalk.submit_card(
            item=tables.item,
            author=person,
            kind="possibility" if n else "challenge",
            text=f"Kort nummer {n} med et langt ord: medarbejderinddragelsesprocesser",
            key=uuid.uuid4(),
        )
    tabletalk.set_card_hidden(card=card)
    return tables


def test_cards_with_a_hidden_card_pass_axe_on_the_phone_and_tablet(seminar, screens):
    tables = in_thread(cards_with_a_hidden_one, seminar)
    phone = screens.phone(tables.people[0][0], bypass_csp=True)
    tablet = screens.tablet(seminar, bypass_csp=True, viewport={"width": 1180, "height": 820})
    expect(tablet.locator("#activity-tablet .is-hidden")).to_have_count(1)

    assert_clean(phone, "phone with its table's cards")
    assert_clean(tablet, "tablet with a hidden card")


def test_a_brainstorm_with_a_photo_passes_axe_on_the_phone(seminar, screens, tmp_path):
    tables = in_thread(seat, seminar, "brainstorm")
    phone = screens.phone(tables.people[0][0], bypass_csp=True)
    photo = tmp_path / "plakat.jpg"
    Image.new("RGB", (320, 200), (30, 90, 160)).save(photo, format="JPEG")
    panel = phone.locator("#activity-panel")
    panel.locator("#id_idea_text").fill("Plakat på hver opslagstavle")
    panel.locator("#id_idea_photo").set_input_files(str(photo))
    panel.locator("button[type=submit]").click()
    expect(panel.locator(".message-success")).to_be_visible()
    expect(phone.locator("#table-ideas img")).to_have_count(1)

    assert_clean(phone, "phone with an idea and its photo")


def test_the_phone_reflows_at_320_px_with_200_percent_text(seminar, screens):
    tables = in_thread(seat, seminar, "brainstorm")
    phone = screens.phone(
        tables.people[0][0], viewport={"width": 320, "height": 640}, bypass_csp=True
    )
    phone.add_style_tag(content="html { font-size: 200% !important; }")
    expect(phone.locator("#id_idea_text")).to_be_visible()

    widest = phone.evaluate("document.documentElement.scrollWidth")

    wide = phone.evaluate("""() => Array.from(document.querySelectorAll('body *'))
        .filter(e => e.getBoundingClientRect().right > 320)
        .map(e => e.tagName + '#' + e.id + '.' + e.className + ' '
            + Math.round(e.getBoundingClientRect().right))
        .slice(0, 8)""")
    assert widest <= 320, wide


def test_the_soapbox_during_the_speeches_passes_axe_on_phones_and_tablet(seminar, screens):
    from tests.program.soapbox_room import make_room, to_speeches

    room = in_thread(make_room, seminar, groups=1, members=3)
    speaker = in_thread(to_speeches, room, room.tables[0])
    listener = next(
        person for person in room.tables[0].members if person.pk != speaker.participant_id
    )
    speaking = screens.phone(speaker.participant, bypass_csp=True)
    listening = screens.phone(listener, bypass_csp=True)
    leading = screens.phone(room.tables[0].leader, bypass_csp=True)
    tablet = screens.tablet(seminar, bypass_csp=True, viewport={"width": 1180, "height": 820})
    expect(listening.locator(f"#soapbox-{room.item.pk}-slot-speaker-{speaker.pk}")).to_be_visible()

    assert_clean(speaking, "speaker's phone")
    assert_clean(listening, "phone giving feedback")
    assert_clean(leading, "process leader's phone")
    assert_clean(tablet, "tablet at the soapbox")


def gallery_with_comments(seminar):
    from program.ideas import services as ideas
    from program.vernissage import services as vernissage

    brainstorm = seat(seminar, "brainstorm", sizes=(4, 3), position=1)
    for number, people in enumerate(brainstorm.people, start=1):
        ideas.submit_idea(
            item=brainstorm.item, author=people[0], text=f"Idé fra bord {number}", key=uuid.uuid4()
        )
    tables = seat(seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)
    idea = brainstorm.item.ideas.filter(group=tables.groups[0]).first()
    visitor = tables.people[1][0]
    vernissage.react(item=tables.item, idea=idea, visitor=visitor, kind="love")
    vernissage.comment(
        item=tables.item,
        idea=idea,
        author=visitor,
        text="Flot – kan vi låne den?",
        key=uuid.uuid4(),
    )
    return tables, visitor


def test_a_gallery_with_reactions_and_comments_passes_axe_for_visitor_and_host(seminar, screens):
    tables, visitor = in_thread(gallery_with_comments, seminar)
    slug = seminar.slug
    visiting = screens.phone(visitor, bypass_csp=True)
    visiting.goto(f"/s/{slug}/galleries/{tables.item.pk}/{tables.groups[0].pk}/")
    expect(visiting.locator("main")).to_contain_text("Idé fra bord 1")
    hosting = screens.phone(tables.people[0][0], bypass_csp=True)
    expect(hosting.locator("#gallery-hosts")).to_contain_text("Flot – kan vi låne den?")
    galleries = screens.phone(tables.people[1][1], bypass_csp=True)
    galleries.goto(f"/s/{slug}/galleries/{tables.item.pk}/")

    assert_clean(visiting, "gallery page of another table")
    assert_clean(hosting, "host's phone with a comment")
    assert_clean(galleries, "list of galleries")
