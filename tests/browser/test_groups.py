"""Groups in Chromium: the facilitator forms and publishes the tables by clicking, the program
reaches a table activity and each phone shows its own table; a move updates both tables' phones
live, and the projector's "find your group" lists everyone with their table."""

import pytest
from playwright.sync_api import expect

from groups import selectors as group_selectors
from groups.models import Round
from program.models import AgendaItem
from tests import factories
from tests.browser.helpers import mark_loaded, open_program, was_not_reloaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEPARTMENTS = ("Børn og Unge", "Teknik og Miljø", "Social og Sundhed", "Kultur og Fritid")
FIRST_NAMES = ("Anne", "Bent", "Carla", "Dorte", "Erik", "Fie")


def roster(seminar):
    """24 leaders, 6 from each of 4 departments."""
    people = []
    for d, department in enumerate(DEPARTMENTS):
        unit = factories.department(seminar, department)
        people += [
            factories.participant(
                seminar, name=f"{first} {department.split()[0]}{d}", department=unit
            )
            for first in FIRST_NAMES
        ]
    return people


def your_group(phone):
    return phone.locator("#phone-group")


def heading(group_name: str) -> str:
    return f"Din gruppe nu: {group_name}"


def member_lines(people) -> list[str]:
    return [f"{person.name} · {person.department.name}" for person in people]


def members_of(round_, group):
    return next(people for g, people in group_selectors.round_members(round_) if g.pk == group.pk)


def test_tables_formed_by_clicking_reach_each_phone_and_a_move_updates_both_tables(
    reference_seminar, screens
):
    seminar = reference_seminar
    roster(seminar)
    talk = AgendaItem.objects.get(day__seminar=seminar, kind="table_talk")
    before = AgendaItem.objects.get(day__seminar=seminar, kind="questions")
    borde = talk.grouping
    tablet = screens.tablet(seminar)
    projector = screens.projector(seminar)

    # The facilitator forms round 1 of the tables and publishes it, by clicking.
    tablet.goto(f"/s/{seminar.slug}/groups/{borde.pk}/round/1/")
    tablet.locator("#form-round").click()
    expect(tablet.locator("#round-panel .group-card")).to_have_count(4)
    tablet.locator("#publish-round").click()
    expect(tablet.locator("#rebalance-round")).to_be_visible()
    round_ = Round.objects.get(grouping=borde, number=1)
    assert round_.published_at is not None
    (table_a, at_a), (table_b, at_b) = group_selectors.round_members(round_)[:2]
    assert [len(people) for _, people in group_selectors.round_members(round_)] == [6, 6, 6, 6]
    mover, stayer, host = at_a[0], at_a[1], at_b[0]

    phones = {person.pk: screens.phone(person) for person in (mover, stayer, host)}
    for phone in phones.values():
        mark_loaded(phone)
    tablet.goto(f"/s/{seminar.slug}/run/")
    open_program(tablet)
    tablet.locator(f"#jump-{before.pk}").click()
    # The projector's push may come before the tablet's own answer: the facilitator presses
    # "Næste" on the tablet once it shows the item (an older form is refused as stale).
    expect(tablet.locator("#current-heading")).to_have_text(before.title)
    expect(projector.locator("#projector-screen h1")).to_have_text(before.title)
    for phone in phones.values():
        expect(your_group(phone)).to_be_hidden()

    # "Næste" reaches the table talk: each phone shows its own table and who sits there.
    tablet.get_by_role("button", name="Næste", exact=True).click()
    expect(projector.locator("#projector-screen h1")).to_have_text(talk.title)
    for person, table, people in (
        (mover, table_a, at_a),
        (stayer, table_a, at_a),
        (host, table_b, at_b),
    ):
        phone = phones[person.pk]
        expect(phone.locator("#phone-live .now h2")).to_have_text(talk.title)
        expect(your_group(phone).locator("h2")).to_have_text(heading(table.name))
        expect(your_group(phone).locator(".members li")).to_have_text(member_lines(people))

    # The facilitator moves one person from table A to table B on the round page.
    tablet.goto(f"/s/{seminar.slug}/groups/{borde.pk}/round/1/")
    tablet.locator("#move-person").select_option(str(mover.pk))
    tablet.locator("#move-group").select_option(str(table_b.pk))
    tablet.locator("#move-submit").click()
    expect(tablet.locator("#round-panel .message-success")).to_contain_text(f"{mover.name}")

    new_a, new_b = members_of(round_, table_a), members_of(round_, table_b)
    assert mover in new_b and mover not in new_a
    expect(your_group(phones[mover.pk]).locator("h2")).to_have_text(heading(table_b.name))
    expect(your_group(phones[mover.pk]).locator(".members li")).to_have_text(member_lines(new_b))
    expect(your_group(phones[host.pk]).locator(".members li")).to_have_text(member_lines(new_b))
    expect(your_group(phones[stayer.pk]).locator("h2")).to_have_text(heading(table_a.name))
    expect(your_group(phones[stayer.pk]).locator(".members li")).to_have_text(member_lines(new_a))
    assert all(was_not_reloaded(phone) for phone in phones.values())

    # The projector's "find your group": everyone, alphabetically, with their table.
    tablet.goto(f"/s/{seminar.slug}/run/")
    tablet.locator("#projector-groups").click()
    rows = sorted(
        (
            (person.name, group.name)
            for group, people in group_selectors.round_members(round_)
            for person in people
        )
    )
    find = projector.locator("#projector-screen .find-group")
    expect(find.locator("h1")).to_have_text("Find din gruppe")
    expect(find.locator("li")).to_have_text([f"{name} {group}" for name, group in rows])
    expect(find.locator("li", has_text=mover.name).locator(".group")).to_have_text(table_b.name)
