"""The 2017 goals in plenum: handshakes from several phones appear live on the projector."""

import uuid

import pytest
from playwright.sync_api import expect

from goals.services import show_on_projector
from goals.shared_goals import services as goal_services
from groups.models import Grouping
from program import selectors
from program import services as program_services
from program.models import AgendaItem
from tests import factories
from tests.browser.conftest import in_thread, mark_loaded, wait_live, was_not_reloaded
from tests.goals.conftest import published_round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_handshakes_from_several_phones_appear_live_on_the_projector(seminar, screens):
    people = [factories.participant(seminar, name) for name in ("Anne Holm", "Bent Krog", "Carla Due")]
    big = published_round(seminar, "Store grupper", Grouping.Kind.MIXED, {"Gruppe 1": people})
    day = seminar.days.order_by("date").first()
    writing = AgendaItem.objects.create(day=day, position=10, title="Fælles mål", kind="goal_writing",
                                        grouping=big[0].round.grouping)
    plenum = AgendaItem.objects.create(day=day, position=11, title="Mål i plenum", kind="goal_plenum")
    goal = in_thread(goal_services.save_goal, item=writing, author=people[0], version=0, key=uuid.uuid4(),
                     what="Hver forvaltning har et samskabelsesprojekt i 2017", why="", how_we_know="")
    in_thread(program_services.jump, seminar=seminar, version=selectors.live_state(seminar).version, item=plenum)
    in_thread(show_on_projector, item=plenum, what="goal", ref=goal.pk)

    projector = screens.projector(seminar)
    phones = [screens.phone(person) for person in people]
    mark_loaded(projector)
    count = projector.locator("#goal-handshakes .count")
    expect(projector.locator("#projector-screen .projected-goal")).to_contain_text("samskabelsesprojekt")
    expect(count).to_have_text("0")

    for shaken, phone in enumerate(phones, start=1):
        button = phone.locator(f"#shake-{goal.pk}")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(count).to_have_text(str(shaken))
    phones[0].locator(f"#shake-{goal.pk}").click()  # a second tap counts once

    expect(projector.locator("#goal-handshakes .handshake-names li")).to_have_text(
        ["Anne Holm", "Bent Krog", "Carla Due"])
    expect(count).to_have_text("3")
    assert was_not_reloaded(projector)
    assert goal.handshakes.count() == 3


def test_the_handshake_button_says_it_is_done_and_a_locked_goal_hides_its_form_live(seminar, screens):
    people = [factories.participant(seminar, name) for name in ("Anne Holm", "Bent Krog")]
    big = published_round(seminar, "Store grupper", Grouping.Kind.MIXED, {"Gruppe 1": people})
    day = seminar.days.order_by("date").first()
    writing = AgendaItem.objects.create(day=day, position=10, title="Fælles mål", kind="goal_writing",
                                        grouping=big[0].round.grouping)
    plenum = AgendaItem.objects.create(day=day, position=11, title="Mål i plenum", kind="goal_plenum")
    goal = in_thread(goal_services.save_goal, item=writing, author=people[0], version=0, key=uuid.uuid4(),
                     what="Et samskabelsesprojekt i hver forvaltning", why="", how_we_know="")
    in_thread(program_services.jump, seminar=seminar, version=selectors.live_state(seminar).version, item=writing)
    phone = screens.phone(people[1])
    mark_loaded(phone)
    expect(phone.locator("#goal-form")).to_be_visible()

    tablet = screens.tablet(seminar)
    tablet.locator(f"#goal-lock-{goal.pk}").click()  # the facilitator locks the goal

    expect(phone.locator("#goal-group")).to_have_attribute("data-locked", "1")
    expect(phone.locator("#goal-form")).to_be_hidden()
    expect(phone.locator(".goal-locked-note")).to_have_text("Målet er låst. Bed en facilitator om at ændre det.")
    tablet.get_by_role("button", name="Næste", exact=True).click()  # on to the plenum
    expect(phone.locator("#phone-live .now h2")).to_have_text(plenum.title)
    button = phone.locator(f"#shake-{goal.pk}")
    expect(button).to_have_accessible_name("Giv håndslag på målet")
    # The phone's own part (its marks) follows the room's frame; a tap before it lands can be
    # overwritten by it (see the report: a known race, not fixed here).
    expect(phone.locator("#activity-person #my-marks")).to_have_count(1)
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_accessible_name("Du har givet håndslag på målet")
    assert was_not_reloaded(phone)



def _own_part(seminar, participant) -> str:
    """The phone's own part (its marks) as the live layer renders it now."""
    from django.utils import translation

    from program.screens import PhoneScreen

    with translation.override("da"):
        return PhoneScreen().person_part(selectors.room(seminar), participant)


def test_an_own_part_rendered_before_the_handshake_does_not_undo_it(seminar, screens):
    """The phone's own part can be rendered before a tap and arrive after the tap's answer
    (a resync on the way when the plenum began): its older marks must not undo the handshake."""
    people = [factories.participant(seminar, name) for name in ("Anne Holm", "Bent Krog")]
    big = published_round(seminar, "Store grupper", Grouping.Kind.MIXED, {"Gruppe 1": people})
    day = seminar.days.order_by("date").first()
    writing = AgendaItem.objects.create(day=day, position=10, title="Fælles mål",
                                        kind="goal_writing", grouping=big[0].round.grouping)
    plenum = AgendaItem.objects.create(day=day, position=11, title="Mål i plenum",
                                       kind="goal_plenum")
    goal = in_thread(goal_services.save_goal, item=writing, author=people[0], version=0,
                     key=uuid.uuid4(), what="Et samskabelsesprojekt", why="", how_we_know="")
    in_thread(program_services.jump, seminar=seminar,
              version=selectors.live_state(seminar).version, item=plenum)
    sockets = []  # the phone's socket, passed through, so that a frame can be slipped in
    phone = screens.new_page()
    phone.route_web_socket("**/ws/**",
                           lambda route: (sockets.append(route), route.connect_to_server()))
    phone.goto(f"/p/{people[1].token}/")
    phone.wait_for_url(f"**/s/{seminar.slug}/")
    wait_live(phone)
    mark_loaded(phone)
    expect(phone.locator("#activity-person #my-marks")).to_have_count(1)
    older = in_thread(_own_part, seminar, people[1])

    button = phone.locator(f"#shake-{goal.pk}")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    phone.evaluate("document.getElementById('activity-person').dataset.before = '1'")
    sockets[-1].send(older)

    # The older part arrived (the element was replaced) and kept the newer marks.
    expect(phone.locator("#activity-person[data-before]")).to_have_count(0)
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_accessible_name("Du har givet håndslag på målet")
    sockets[-1].send(in_thread(_own_part, seminar, people[1]))  # a newer one is taken as ever
    expect(phone.locator("#my-marks")).to_have_attribute("data-marks", f"g-{goal.pk} ")
    expect(button).to_have_attribute("aria-pressed", "true")
    assert was_not_reloaded(phone)
