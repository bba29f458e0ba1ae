"""The task first: for every item of the reference program, the tablet (1180×820 and 768×1024)
shows the current item, its countdown and its own controls without scrolling, and a phone
(390×844) shows the item's first thing to do without scrolling, for every role.

With SCREENSHOTS=<folder> in the environment the test also saves what each screen showed.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from groups import services as group_services
from program import selectors
from program import services as program_services
from program.models import AgendaItem
from seminar.models import Participant
from seminar.roster import import_roster
from tests.browser.helpers import in_thread, wait_live

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROSTER = Path(settings.BASE_DIR) / "fixtures" / "varde-2014-roster.csv"
TABLETS = {"landscape": {"width": 1180, "height": 820}, "portrait": {"width": 768, "height": 1024}}
PHONE = {"width": 390, "height": 844}
ROUNDS = (("Borde", 1), ("Borde", 2), ("Store grupper", 1), ("Forvaltningsgrupper", 1))
# The first thing a phone can do at an item: a control in the item's own regions.
ACTION = "#activity-person, #activity-group, #activity-panel, #activity-live, #phone-live .now"
CONTROL = "button:not([disabled]), textarea, input:not([type=hidden]), select, a[href]"
# The tablet's own controls: the ones that act (its links lead to other pages).
TABLET_CONTROL = "button:not([disabled]), textarea, input:not([type=hidden]), select"


def prepare(seminar) -> None:
    import_roster(seminar=seminar, data=ROSTER.read_bytes())
    for name, number in ROUNDS:
        formed = group_services.form_round(
            grouping=seminar.groupings.get(name=name), number=number, seed=2014
        )
        group_services.publish_round(round_=formed)


def go(seminar, item) -> None:
    program_services.jump(seminar=seminar, version=selectors.live_state(seminar).version, item=item)


def shot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def bottom_of(page, selector: str) -> float | None:
    """Where the first visible element matching `selector` ends (px from the page's top)."""
    return page.evaluate(
        """selector => {
        const el = Array.from(document.querySelectorAll(selector))
            .find(e => e.getClientRects().length);
        if (!el) return null;
        const box = el.getBoundingClientRect();
        return box.bottom + window.scrollY;
    }""",
        selector,
    )


def first_control_bottom(page) -> float | None:
    """Where the first usable control of the item's regions ends, if it has one."""
    return page.evaluate(
        """([regions, controls]) => {
        for (const region of document.querySelectorAll(regions)) {
            const el = Array.from(region.querySelectorAll(controls))
                .find(e => e.getClientRects().length
                    && !e.closest('details:not([open]) > :not(summary)'));
            if (el) return el.getBoundingClientRect().bottom + window.scrollY;
        }
        return null;
    }""",
        [ACTION, CONTROL],
    )


def test_the_current_item_and_its_controls_are_on_the_tablets_first_screen(
    reference_seminar, screens
):
    seminar = reference_seminar
    in_thread(prepare, seminar)
    items = list(AgendaItem.objects.for_seminar(seminar))
    tablets = {name: screens.tablet(seminar, viewport=size) for name, size in TABLETS.items()}
    misses = []
    for number, item in enumerate(items, start=1):
        in_thread(go, seminar, item)
        for name, page in tablets.items():
            page.reload()
            wait_live(page)
            height = TABLETS[name]["height"]
            shot(page, f"tablet-{name}-{number:02d}-{item.kind}")
            checks = {
                "heading": "#current-heading",
                "next": "#step-next",
                "countdown": ".timer [data-countdown]",
                "own control": f"#activity-tablet :is({TABLET_CONTROL})",
                "own heading": "#activity-tablet h2",
            }
            for what, selector in checks.items():
                bottom = bottom_of(page, selector)
                if bottom is not None and bottom > height:
                    misses.append(
                        f"{name} {number} {item.title} ({item.kind}): "
                        f"{what} ends at {bottom:.0f} px"
                    )
    assert not misses, "\n".join(misses)


def test_the_items_first_thing_to_do_is_on_every_phones_first_screen(reference_seminar, screens):
    seminar = reference_seminar
    in_thread(prepare, seminar)
    items = list(AgendaItem.objects.for_seminar(seminar))
    people = seminar.participants.order_by("name")
    cast = {
        "participant": people.filter(role=Participant.Role.PARTICIPANT).first(),
        "process leader": people.filter(role=Participant.Role.PROCESS_LEADER).first(),
        "management": people.filter(role=Participant.Role.MANAGEMENT).first(),
    }
    phones = {role: screens.phone(person) for role, person in cast.items() if person is not None}
    assert len(phones) == 3
    misses = []
    for number, item in enumerate(items, start=1):
        in_thread(go, seminar, item)
        for role, page in phones.items():
            page.reload()
            wait_live(page)
            page.wait_for_load_state("networkidle")
            shot(page, f"phone-{role.replace(' ', '-')}-{number:02d}-{item.kind}")
            bottom = first_control_bottom(page)
            if bottom is None:
                bottom = bottom_of(page, "#phone-live .now h2")
            if bottom is not None and bottom > PHONE["height"]:
                misses.append(
                    f"{role} {number} {item.title} ({item.kind}): "
                    f"first thing to do ends at {bottom:.0f} px"
                )
    assert not misses, "\n".join(misses)


def test_a_speaker_and_a_gallery_host_see_their_part_on_the_first_screen(seminar, screens):
    """The roles that exist only at one item: the speaker on the soapbox, a gallery's host."""
    import uuid

    from program.ideas import services as ideas
    from program.vernissage import selectors as vernissage_selectors
    from tests.program.soapbox_room import make_room, to_speeches
    from tests.program.tables import seat

    room = in_thread(make_room, seminar, groups=1, members=3)
    speaker = in_thread(to_speeches, room, room.tables[0])
    page = screens.phone(speaker.participant)
    wait_live(page)
    shot(page, "phone-speaker")
    # The speaker's own slot ("You are on the soapbox", their speech) is on the first screen.
    bottom = bottom_of(page, f"#fb-{speaker.pk}-heading")
    assert bottom is not None and bottom <= PHONE["height"], (
        f"the speaker's slot ends at {bottom} px"
    )

    def vernissage():
        brainstorm = seat(seminar, "brainstorm", sizes=(4, 3), position=2)
        for people in brainstorm.people:
            ideas.submit_idea(item=brainstorm.item, author=people[0], text="Idé", key=uuid.uuid4())
        tables = seat(seminar, "vernissage", position=3, grouping=brainstorm.item.grouping)
        state = vernissage_selectors.state(tables.item)
        return vernissage_selectors.hosts(tables.groups[0], state)[0]

    host = in_thread(vernissage)
    page = screens.phone(host)
    wait_live(page)
    shot(page, "phone-host")
    bottom = bottom_of(page, "#gallery-turn .host-now")
    assert bottom is not None and bottom <= PHONE["height"], f"the host's call ends at {bottom} px"
