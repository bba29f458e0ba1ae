"""The soapbox in Chromium: a process leader draws the speakers and every phone of the group shows
them."""

import time

import pytest
from playwright.sync_api import expect

from program.models import SpeechDraft, SpeechFeedback
from program.soapbox import selectors
from tests.browser.helpers import (
    axe_violations,
    describe_violations,
    in_thread,
    mark_loaded,
    was_not_reloaded,
)
from tests.program.soapbox_room import make_room, to_speeches

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def lineup_names(page) -> list[str]:
    return page.locator(".soapbox .lineup .name").all_text_contents()


def test_process_leader_draws_three_speakers_and_every_phone_in_the_group_shows_them(
    seminar, screens
):
    room = in_thread(make_room, seminar, groups=2, members=3)
    table, other = room.tables
    leader = screens.phone(table.leader)
    members = [screens.phone(person) for person in table.members]
    outsider = screens.phone(other.members[0])
    for page in (leader, *members, outsider):
        mark_loaded(page)
        expect(page.locator(".soapbox-status h2")).to_have_text("Forbered din tale")

    leader.locator("#soapbox-choose").click()
    expect(leader.locator(".soapbox .lineup .name")).to_have_count(3)

    drawn = [speaker.participant.name for speaker in selectors.lineup(room.item, table.group)]
    assert len(drawn) == 3
    for page in (leader, *members):
        expect(page.locator(".soapbox .lineup .name")).to_have_text(drawn)
    expect(outsider.locator(".soapbox .lineup")).to_have_count(0)
    assert all(was_not_reloaded(page) for page in (leader, *members, outsider))


def test_moving_on_takes_the_process_leaders_controls_off_the_phone_without_reload(
    seminar, screens
):
    room = in_thread(make_room, seminar, groups=1, members=2)
    leader = screens.phone(room.tables[0].leader)
    tablet = screens.tablet(seminar)
    mark_loaded(leader)
    expect(leader.locator("#activity-person #soapbox-choose")).to_be_visible()

    tablet.get_by_role(
        "button", name="Næste", exact=True
    ).click()  # onto "Gåtur": no resync follows

    expect(leader.locator("#phone-live")).to_contain_text("Gåtur")
    expect(leader.locator("#soapbox-choose")).to_have_count(0)
    expect(leader.locator("#activity-person")).to_be_empty()
    assert was_not_reloaded(leader)


def test_a_draft_being_typed_survives_pushes_to_the_group_and_the_room(seminar, screens):
    room = in_thread(make_room, seminar, groups=1, members=3)
    table = room.tables[0]
    author = table.members[0]
    writer = screens.phone(author)
    leader = screens.phone(table.leader)
    tablet = screens.tablet(seminar)
    draft = writer.locator("#id_draft-message")
    draft.click()
    draft.press_sequentially("Vi lytter til ")

    leader.locator("#soapbox-choose").click()  # a push to the group
    expect(writer.locator(".soapbox .lineup .name")).to_have_count(3)
    tablet.locator("#timer-start").click()  # a push to the room
    expect(writer.locator("#phone-live [data-countdown]")).to_have_attribute("data-running", "1")
    draft.press_sequentially("borgerne")

    expect(draft).to_have_value("Vi lytter til borgerne")
    expect(draft).to_be_focused()
    expect(writer.locator(f"#soapbox-{room.item.pk}-draft-status")).to_contain_text("Gemt kl.")
    assert saved_draft(author, "Vi lytter til borgerne") == "Vi lytter til borgerne"


def saved_draft(author, expected: str, wait: float = 5) -> str:
    """The author's saved draft, once the autosave has caught up with the typing (or after `wait`
    s)."""
    deadline = time.monotonic() + wait
    while True:
        draft = SpeechDraft.objects.filter(author=author).first()
        text = draft.message if draft else ""
        if text == expected or time.monotonic() > deadline:
            return text
        time.sleep(0.1)


def test_feedback_sent_empty_shows_why_and_sent_right_reaches_only_the_speaker(seminar, screens):
    room = in_thread(make_room, seminar, groups=1, members=3)
    table = room.tables[0]
    speaker = in_thread(to_speeches, room, table)
    author = next(person for person in table.members if person.pk != speaker.participant_id)
    page = screens.phone(author)
    slot = page.locator(f"#soapbox-{room.item.pk}-slot-speaker-{speaker.pk}")

    slot.get_by_role("button", name="Send feedback").click()
    expect(slot.locator(".error:not(.send-error)")).to_have_text(
        "Skriv, hvad der virkede, et forslag eller begge dele."
    )
    slot.get_by_label("Hvad virkede?").fill("Rolig og klar")
    slot.get_by_role("button", name="Send feedback").click()

    expect(slot.locator(".message-success")).to_contain_text(speaker.participant.name)
    assert SpeechFeedback.objects.get(author=author).worked == "Rolig og klar"


def test_soapbox_phone_and_tablet_have_no_serious_accessibility_violations(seminar, screens):
    room = in_thread(make_room, seminar, groups=1, members=3)
    leader = screens.phone(room.tables[0].leader, bypass_csp=True)
    tablet = screens.tablet(seminar, bypass_csp=True)
    expect(leader.locator("#soapbox-choose")).to_be_visible()
    leader.locator("#soapbox-choose").click()
    expect(tablet.locator(".soapbox-groups td", has_text=", ")).to_have_count(
        1
    )  # the speakers arrived

    for page, what in ((leader, "process leader's phone"), (tablet, "tablet")):
        violations = axe_violations(page)
        assert not violations, f"axe on the {what}:\n{describe_violations(violations)}"
