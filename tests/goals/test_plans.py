"""Department plans: one per department group per locked goal, version-checked, on the projector."""

import uuid

import pytest

from goals.models import DepartmentPlan, Showing
from goals.plans import services
from goals.services import NotAllowed, NotOpen, Stale
from goals.shared_goals import services as goal_services
from tests import factories
from tests.goals.conftest import go, phone_of


@pytest.fixture
def goal(room, facilitator):
    goal = goal_services.save_goal(item=room.writing, author=room.anna, version=0, key=uuid.uuid4(),
                                   what="Flere frivillige", why="", how_we_know="")
    return goal_services.lock_goal(goal=goal, user=facilitator)


def plan(room, author, goal, version=0, requires="Mere tid til foreninger", key=None):
    return services.save_plan(item=room.plans, author=author, goal=goal, version=version, key=key or uuid.uuid4(),
                              requires=requires, how="", challenges="Travlhed", meeting_them="")


def test_plan_is_one_per_department_group_and_goal(room, goal):
    plan(room, room.anna, goal)
    edited = plan(room, room.cai, goal, version=1, requires="Cais tilføjelse")
    plan(room, room.bo, goal)

    assert edited.version == 2 and edited.group == room.departments[0]
    assert DepartmentPlan.objects.count() == 2


def test_plan_on_an_older_version_is_refused(room, goal):
    plan(room, room.anna, goal)
    plan(room, room.cai, goal, version=1, requires="Cai først")

    with pytest.raises(Stale) as refused:
        plan(room, room.anna, goal, version=1, requires="Anna bagefter")

    assert refused.value.current.requires == "Cai først"


def test_plans_are_only_for_locked_goals_and_members(room, facilitator):
    open_goal = goal_services.save_goal(item=room.writing, author=room.cai, version=0, key=uuid.uuid4(),
                                        what="Ulåst", why="", how_we_know="")
    outsider = factories.participant(room.seminar)

    with pytest.raises(NotOpen):
        plan(room, room.anna, open_goal)
    locked = goal_services.lock_goal(goal=open_goal, user=facilitator)
    with pytest.raises(NotAllowed):
        plan(room, outsider, locked)


def test_phone_panel_has_a_form_per_locked_goal_and_saves(room, goal):
    go(room.seminar, room.plans)
    anna = phone_of(room.anna)
    panel = anna.get(f"/s/{room.seminar.slug}/panel/{room.plans.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    key = panel.split(f'name="goal{goal.pk}-key" value="', 1)[1].split('"', 1)[0]

    response = anna.post(f"/s/{room.seminar.slug}/goals/plans/{room.plans.pk}/{goal.pk}/",
                         {f"goal{goal.pk}-key": key, f"goal{goal.pk}-version": "0",
                          f"goal{goal.pk}-requires": "Et kontaktpunkt"},
                         HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")

    assert f'id="plan-form-{goal.pk}"' in panel
    assert response.status_code == 200 and "Saved. Your department group sees it now." in response.content.decode()
    assert DepartmentPlan.objects.get().requires == "Et kontaktpunkt"


def test_projector_shows_a_departments_plan_and_not_a_hidden_one(room, goal, facilitator_client, projector_client):
    saved = plan(room, room.anna, goal, requires="<b>Et kontaktpunkt</b>")
    go(room.seminar, room.plans)
    facilitator_client.post(f"/s/{room.seminar.slug}/run/goals/show/{room.plans.pk}/",
                            {"what": "plans", "ref": room.departments[0].pk})

    shown = projector_client.get(f"/s/{room.seminar.slug}/projector/").content.decode()
    facilitator_client.post(f"/s/{room.seminar.slug}/run/goals/plans/{saved.pk}/hide/", {"hidden": "on"})
    hidden = projector_client.get(f"/s/{room.seminar.slug}/projector/").content.decode()

    assert "&lt;b&gt;Et kontaktpunkt&lt;/b&gt;" in shown and "<b>Et kontaktpunkt" not in shown
    assert "Et kontaktpunkt" not in hidden


def test_projector_choice_must_fit_the_item(room, goal, facilitator_client):
    go(room.seminar, room.plans)

    response = facilitator_client.post(f"/s/{room.seminar.slug}/run/goals/show/{room.plans.pk}/",
                                       {"what": "plans", "ref": room.big[0].pk}, HTTP_HX_REQUEST="true")
    wrong_kind = facilitator_client.post(f"/s/{room.seminar.slug}/run/goals/show/{room.plans.pk}/",
                                         {"what": "monday"}, HTTP_HX_REQUEST="true")

    assert (response.status_code, wrong_kind.status_code) == (400, 400)


def test_a_participant_cannot_choose_the_projector_or_hide_plans(room, goal):
    saved = plan(room, room.anna, goal)
    anna = phone_of(room.anna)

    shown = anna.post(f"/s/{room.seminar.slug}/run/goals/show/{room.plans.pk}/",
                      {"what": "plans", "ref": room.departments[0].pk})
    hidden = anna.post(f"/s/{room.seminar.slug}/run/goals/plans/{saved.pk}/hide/", {"hidden": "on"})

    assert (shown.status_code, hidden.status_code) == (302, 302)
    assert not DepartmentPlan.objects.get().hidden
    assert not Showing.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_goal_hidden_while_the_plans_are_on_leaves_the_plans_tablet_live(room, goal):
    from django.test.utils import override_settings

    from tests.pushes import Listener

    go(room.seminar, room.plans)
    with override_settings(LANGUAGES=[("da", "Dansk")]):
        tablet = Listener(room.seminar.pk, "facilitator-da")
        goal_services.hide_goal(goal=goal)
        frames = [frame for frame in tablet.frames() if 'id="plans-tablet"' in frame]

    assert frames  # the goal's heading (its group's name) has left each department's card
    assert "Gruppe 1" not in frames[-1].split('id="plans-tablet"', 1)[1]
