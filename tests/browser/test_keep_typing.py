"""Nothing typed is lost: a card, an idea and a speech draft typed on a phone survive the room
moving on, another phone's post, a dropped connection and a reload, and are then sent once."""

import re

import pytest
from playwright.sync_api import expect

from program.models import Idea, SpeechDraft, TableCard
from tests.browser.helpers import in_thread, wait_live
from tests.browser.screens import Screens
from tests.program.soapbox_room import make_room
from tests.program.tables import seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def drop_and_return(screens: Screens, phone) -> None:
    """The connection goes (the server stops: Chromium's offline mode keeps open sockets) and
    comes back; the socket heals by itself."""
    screens.server.stop()
    expect(phone.locator("#live-status")).to_have_class(re.compile(r"\bis-offline\b"))
    screens.server.start()
    wait_live(phone)


def send_kept(phone, text: str) -> None:
    box = phone.locator("#unsent-texts section.unsent")
    expect(box).to_have_count(1)
    expect(box.locator("h2")).to_have_text("Du har en ikke-sendt tekst")
    expect(box.locator("textarea")).to_have_value(text)
    box.get_by_role("button", name="Send den").click()
    expect(box).to_contain_text("Sendt. Tak.")
    phone.reload()
    wait_live(phone)
    expect(phone.locator("#unsent-texts section.unsent")).to_have_count(0)


def follow_through(screens: Screens, seminar, phone, text: str, other_post) -> None:
    """The room moves on under the typing, someone else posts, the Wi-Fi drops, the page reloads."""
    tablet = screens.tablet(seminar)
    other_post()
    tablet.get_by_role("button", name="Næste", exact=True).click()
    box = phone.locator("#unsent-texts section.unsent")
    expect(box.locator("textarea")).to_have_value(text)
    expect(box.locator("textarea")).to_be_focused()  # the person typing goes on typing there
    drop_and_return(screens, phone)
    phone.reload()
    wait_live(phone)


def test_a_card_typed_but_not_sent_survives_next_a_drop_and_a_reload_and_is_sent_once(
    seminar, screens
):
    tables = in_thread(seat, seminar, "table_talk")
    phone = screens.phone(tables.people[0][0])
    neighbour = screens.phone(tables.people[0][1])
    phone.locator("#id_card_text").press_sequentially("Borgerne vil inviteres tidligt")

    def neighbour_sends():
        neighbour.locator("#id_card_text").fill("Mere tid til dialog")
        neighbour.get_by_role("button", name="Send kort").click()
        expect(phone.locator("#activity-group")).to_contain_text("Mere tid til dialog")
        expect(phone.locator("#id_card_text")).to_have_value("Borgerne vil inviteres tidligt")

    follow_through(screens, seminar, phone, "Borgerne vil inviteres tidligt", neighbour_sends)
    send_kept(phone, "Borgerne vil inviteres tidligt")

    assert TableCard.objects.filter(text="Borgerne vil inviteres tidligt").count() == 1
    assert (
        TableCard.objects.get(text="Borgerne vil inviteres tidligt").author == tables.people[0][0]
    )


def test_an_idea_typed_but_not_sent_comes_back_into_its_form_when_the_item_is_on_again(
    seminar, screens
):
    tables = in_thread(seat, seminar, "brainstorm")
    phone = screens.phone(tables.people[1][0])
    other = screens.phone(tables.people[1][1])
    phone.locator("#id_idea_text").press_sequentially("Visionen på hver opslagstavle")

    def other_sends():
        other.locator("#id_idea_text").fill("Et fælles kaffemøde")
        other.locator("#activity-panel button[type=submit]").click()
        expect(other.locator("#activity-panel .message-success")).to_be_visible()

    follow_through(screens, seminar, phone, "Visionen på hver opslagstavle", other_sends)
    tablet = screens.tablet(seminar)
    tablet.get_by_role("button", name="Tilbage", exact=True).click()  # the brainstorm is on again

    field = phone.locator("#id_idea_text")
    expect(field).to_have_value("Visionen på hver opslagstavle")
    expect(phone.locator("#activity-panel .unsent-note")).to_contain_text(
        "Du har en ikke-sendt tekst"
    )
    expect(phone.locator("#unsent-texts section.unsent")).to_have_count(0)
    phone.locator("#activity-panel button[type=submit]").click()
    expect(phone.locator("#activity-panel .message-success")).to_be_visible()
    phone.reload()
    wait_live(phone)
    expect(phone.locator("#id_idea_text")).to_have_value("")

    assert Idea.objects.filter(text="Visionen på hver opslagstavle").count() == 1


def test_a_speech_draft_typed_offline_survives_next_and_a_reload_and_is_saved(seminar, screens):
    room = in_thread(make_room, seminar, groups=1, members=3)
    table = room.tables[0]
    author = table.members[0]
    phone = screens.phone(author)
    leader = screens.phone(table.leader)
    phone.context.set_offline(True)  # the autosave cannot reach the server
    phone.locator("#id_draft-message").press_sequentially("Vi lytter før vi beslutter")
    expect(phone.locator(".soapbox-draft .send-error")).to_be_visible()
    phone.context.set_offline(False)
    wait_live(phone)

    def leader_draws():
        leader.locator("#soapbox-choose").click()
        expect(phone.locator(".soapbox .lineup .name")).to_have_count(3)

    follow_through(screens, seminar, phone, "Vi lytter før vi beslutter", leader_draws)
    send_kept(phone, "Vi lytter før vi beslutter")

    assert [draft.message for draft in SpeechDraft.objects.filter(author=author)] == [
        "Vi lytter før vi beslutter"
    ]
