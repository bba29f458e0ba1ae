"""The brainstorm in Chromium: a phone sends an idea with a photo, the projector's wall shows it,
the facilitator hides it and it leaves the wall."""

import pytest
from PIL import Image
from playwright.sync_api import expect

from program.models import Idea
from tests.browser.conftest import in_thread, mark_loaded, was_not_reloaded
from tests.program.tables import seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def poster_jpeg(path) -> str:
    """A real photo file as a phone's camera would hand it over (EXIF orientation included)."""
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (320, 200), (230, 120, 20)).save(path, format="JPEG", exif=exif)
    return str(path)


def send_idea(phone, text: str, photo: str | None = None) -> None:
    panel = phone.locator("#activity-panel")
    panel.locator("#id_idea_text").fill(text)
    if photo:
        panel.locator("#id_idea_photo").set_input_files(photo)
    panel.locator("button[type=submit]").click()
    expect(panel.locator(".message-success")).to_be_visible()


def test_an_idea_with_a_photo_from_a_phone_appears_on_the_wall_and_leaves_it_when_hidden(
    seminar, screens, tmp_path, settings
):
    tables = in_thread(seat, seminar, "brainstorm")
    projector = screens.projector(seminar)
    phone = screens.phone(tables.people[0][0])
    neighbour = screens.phone(tables.people[0][1])
    tablet = screens.tablet(seminar)
    mark_loaded(projector)
    wall = projector.locator("#idea-wall")
    expect(wall).to_be_visible()

    send_idea(
        phone, "Plakat: visionen på hver opslagstavle", poster_jpeg(tmp_path / "IMG_0042.jpg")
    )

    card = wall.locator("article.idea", has_text="Plakat: visionen på hver opslagstavle")
    expect(card).to_be_visible()
    photo = card.locator("img")
    expect(photo).to_be_visible()
    # The projector may fetch the photo, and it arrives re-encoded and turned upright.
    projector.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=photo.element_handle()
    )
    assert photo.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [200, 320]
    expect(neighbour.locator("#table-ideas")).to_contain_text(
        "Plakat: visionen på hver opslagstavle"
    )
    idea = Idea.objects.get()

    tablet.locator(f"#idea-hide-{idea.pk}").click()

    expect(card).to_have_count(0)
    expect(neighbour.locator("#table-ideas")).not_to_contain_text("Plakat")
    assert was_not_reloaded(projector)


def test_hostile_idea_text_stays_text_on_the_wall(seminar, screens):
    tables = in_thread(seat, seminar, "brainstorm")
    projector = screens.projector(seminar)
    phone = screens.phone(tables.people[1][0])
    projector.evaluate("window.__pwned = 0")
    hostile = '<img src=x onerror="window.__pwned=1">{{ 7|add:1 }}<script>window.__pwned=2</script>'

    send_idea(phone, hostile)

    text = projector.locator("#idea-wall article.idea .text")
    expect(text).to_have_text(hostile)
    assert text.locator("*").count() == 0
    assert projector.evaluate("window.__pwned") == 0
