"""The reference seminar, run from start to end in Chromium.

A facilitator's tablet walks every item of both days with "Næste"; the projector and four
phones (two participants, a process leader, a member of management) follow live, and the
rest of the demo roster (71 people) acts over HTTP against the same server. At each
interactive item the screens do one real thing of that activity, and the test asserts what
the projector and the phones show.
"""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from groups import selectors as group_selectors
from groups import services as group_services
from groups.models import Round
from program.models import AgendaItem
from seminar.models import Participant
from seminar.roster import import_roster
from tests.browser.helpers import in_thread, mark_loaded, was_not_reloaded
from tests.browser.roster import HttpPhone, everyone
from tests.browser.seminar_afternoon import (
    cases,
    commitments,
    department_plans,
    goal_plenum,
    goal_writing,
    homework,
    interview_plenum,
    interview_tables,
)
from tests.browser.seminar_morning import (
    brainstorm,
    poster_photo,
    questions,
    soapbox,
    table_talk,
    vernissage,
)
from tests.browser.seminar_room import PASSIVE, Room

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROSTER = Path(settings.BASE_DIR) / "fixtures" / "varde-2014-roster.csv"
EVERY_KIND = {
    "questions",
    "table_talk",
    "brainstorm",
    "vernissage",
    "soapbox",
    "interview_tables",
    "interview_plenum",
    "cases",
    "goal_writing",
    "goal_plenum",
    "department_plans",
    "commitments",
    "break",
    "offsite",
    "secret",
    "homework",
}


def form_rounds(seminar, tablet) -> dict[str, Round]:
    """The night before: the tables' first round formed and published by clicking on the groups
    page; the other rounds the program needs through the groups services."""
    tables = seminar.groupings.get(name="Borde")
    tablet.goto(f"/s/{seminar.slug}/groups/")
    tablet.locator(f"a[href$='/groups/{tables.pk}/round/1/']").first.click()
    tablet.locator("#form-round").click()
    expect(tablet.locator("#round-panel .group-card")).to_have_count(13)
    tablet.locator("#publish-round").click()
    expect(tablet.locator("#rebalance-round")).to_be_visible()
    rounds = {"tables": Round.objects.get(grouping=tables, number=1)}
    for key, name, number in (
        ("tables 2", "Borde", 2),
        ("big", "Store grupper", 1),
        ("departments", "Forvaltningsgrupper", 1),
    ):
        formed = in_thread(
            group_services.form_round,
            grouping=seminar.groupings.get(name=name),
            number=number,
            seed=2014,
        )
        rounds[key] = in_thread(group_services.publish_round, round_=formed)
    assert all(round_.published_at for round_ in Round.objects.filter(grouping__seminar=seminar))
    return rounds


def cast(seminar, rounds) -> dict[str, Participant]:
    """Who holds the browser phones: A sits in the process leader's big group; B sits at another
    table than A in the morning and at A's table in the afternoon; management's Mogens."""

    def group(person, key):
        return group_selectors.group_of(person.pk, rounds[key])

    people = seminar.participants.select_related("department", "seminar").order_by("name")
    leader = people.filter(role=Participant.Role.PROCESS_LEADER).first()
    regular = list(people.filter(role=Participant.Role.PARTICIPANT))
    a = next(p for p in regular if group(p, "big") == group(leader, "big"))
    b = next(
        p
        for p in regular
        if group(p, "tables") != group(a, "tables") and group(p, "tables 2") == group(a, "tables 2")
    )
    return {"A": a, "B": b, "leader": leader, "management": people.get(name="Mogens Bjerre")}


def welcome(room: Room) -> None:
    """The morning of the seminar: a welcome on the projector, then the program.

    The homework handed in "days ahead" a moment ago still has its pushes queued on the
    server (each case pushes its big group's part); once the welcome shows, they are out.
    """
    room.tablet.locator("#id_message").fill("Velkommen til Lederseminar 2014")
    room.tablet.locator("#projector-message").click()
    expect(room.projector.locator("#projector-screen .message")).to_have_text(
        "Velkommen til Lederseminar 2014", timeout=60_000
    )
    room.tablet.locator("#projector-item").click()
    expect(room.projector.locator("#projector-screen h1")).to_have_text(room.seminar.title)


def test_the_reference_seminar_runs_from_start_to_end(
    reference_seminar, screens, daphne_server, tmp_path
):
    seminar = reference_seminar
    assert import_roster(seminar=seminar, data=ROSTER.read_bytes()).added == 75
    items = list(AgendaItem.objects.for_seminar(seminar).select_related("day", "grouping"))
    assert len(items) == 26
    tablet = screens.tablet(seminar)
    rounds = form_rounds(seminar, tablet)
    people = cast(seminar, rounds)
    projector = screens.projector(seminar)
    phones = {key: screens.phone(person) for key, person in people.items()}
    others = seminar.participants.select_related("department", "seminar").exclude(
        pk__in=[person.pk for person in people.values()]
    )
    roster = everyone(list(others), lambda person: HttpPhone(daphne_server.url, person))
    room = Room(seminar, tablet, projector, phones, people, roster, rounds)
    homework(room, daphne_server.url)
    room.run_page()
    welcome(room)
    for page in (projector, *phones.values()):
        mark_loaded(page)
    photo = poster_photo(tmp_path / "plakat.jpg")
    steps = {
        **PASSIVE,
        "questions": questions,
        "table_talk": table_talk,
        "brainstorm": lambda room, item: brainstorm(room, item, photo),
        "vernissage": vernissage,
        "soapbox": soapbox,
        "interview_tables": interview_tables,
        "interview_plenum": interview_plenum,
        "cases": cases,
        "goal_writing": goal_writing,
        "goal_plenum": goal_plenum,
        "department_plans": department_plans,
        "commitments": commitments,
    }

    for item in items:
        room.next(item)
        steps.get(item.kind, lambda room, item: None)(room, item)

    assert EVERY_KIND <= set(room.visited), EVERY_KIND - set(room.visited)
    # B left for a gallery and came back; every other screen followed the whole seminar live.
    assert all(
        was_not_reloaded(page)
        for key, page in [("projector", projector), *phones.items()]
        if key != "B"
    )
