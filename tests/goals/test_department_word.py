"""A seminar's own word for a department (program file `department_word`) on the phone, the
tablet and the report where "afdeling" showed before; without it, "afdeling" as before."""

import uuid

import pytest

from goals.plans import services
from goals.shared_goals import services as goal_services
from tests.goals.conftest import go, phone_of

FORVALTNING = {
    "department_word": "forvaltning",
    "department_words": "forvaltninger",
    "department_word_en": "administration",
    "department_words_en": "administrations",
}


@pytest.fixture
def goal(room, facilitator):
    goal = goal_services.save_goal(
        item=room.writing,
        author=room.anna,
        version=0,
        key=uuid.uuid4(),
        what="Flere frivillige",
        why="",
        how_we_know="",
    )
    return goal_services.lock_goal(goal=goal, user=facilitator)


def own_word(seminar) -> None:
    for name, value in FORVALTNING.items():
        setattr(seminar, name, value)
    seminar.save()


def screens(room, goal, facilitator_client, language: str) -> dict[str, str]:
    services.save_plan(
        item=room.plans,
        author=room.anna,
        goal=goal,
        version=0,
        key=uuid.uuid4(),
        requires="Et kontaktpunkt",
        how="",
        challenges="",
        meeting_them="",
    )
    go(room.seminar, room.plans)
    slug, header = room.seminar.slug, {"HTTP_ACCEPT_LANGUAGE": language}
    return {
        "phone": phone_of(room.anna)
        .get(f"/s/{slug}/panel/{room.plans.pk}/", **header)
        .content.decode(),
        "tablet": facilitator_client.get(f"/s/{slug}/run/", **header).content.decode(),
        "report": facilitator_client.get(f"/s/{slug}/report/", **header).content.decode(),
    }


def test_a_seminar_with_its_own_word_says_it_on_phone_tablet_and_report(
    room, goal, facilitator_client
):
    own_word(room.seminar)

    shown = screens(room, goal, facilitator_client, "da")

    assert "Hvad kræver målet af vores forvaltning?" in shown["phone"]
    assert "Hvad det kræver af vores forvaltning" in shown["tablet"]
    assert "Planer pr. forvaltning" in shown["tablet"]
    assert "Hvad det kræver af vores forvaltning" in shown["report"]
    assert "Planer pr. forvaltning" in shown["report"]
    assert "Forvaltninger" in shown["report"]  # the report's facts: how many
    for page in shown.values():
        assert "afdeling" not in page.lower()


def test_without_a_word_the_screens_say_afdeling_as_before(room, goal, facilitator_client):
    shown = screens(room, goal, facilitator_client, "da")

    assert "Hvad kræver målet af vores afdeling?" in shown["phone"]
    assert "Afdelingsplaner" in shown["tablet"]
    assert "Hvad det kræver af vores afdeling" in shown["report"]
    assert "Afdelinger" in shown["report"]
    for page in shown.values():  # the room's grouping is called "Forvaltningsgrupper"
        assert "vores forvaltning" not in page and "Planer pr." not in page


def test_english_screens_use_the_english_word(room, goal, facilitator_client):
    own_word(room.seminar)

    shown = screens(room, goal, facilitator_client, "en")

    assert "What does the goal require of our administration?" in shown["phone"]
    assert "Plans per administration" in shown["tablet"]
    assert "What it requires of our administration" in shown["report"]
    for page in shown.values():
        assert "our department" not in page and "our forvaltning" not in page


def test_the_saved_message_and_the_required_answer_use_the_word(room, goal):
    own_word(room.seminar)
    go(room.seminar, room.plans)
    anna = phone_of(room.anna)
    panel = anna.get(f"/s/{room.seminar.slug}/panel/{room.plans.pk}/").content.decode()
    key = panel.split(f'name="goal{goal.pk}-key" value="', 1)[1].split('"', 1)[0]
    url = f"/s/{room.seminar.slug}/goals/plans/{room.plans.pk}/{goal.pk}/"
    fields = {f"goal{goal.pk}-key": key, f"goal{goal.pk}-version": "0"}

    empty = anna.post(url, {**fields, f"goal{goal.pk}-requires": ""}, HTTP_HX_REQUEST="true")
    saved = anna.post(
        url, {**fields, f"goal{goal.pk}-requires": "Et kontaktpunkt"}, HTTP_HX_REQUEST="true"
    )

    assert "Skriv først, hvad målet kræver af jeres forvaltning." in empty.content.decode()
    assert "Gemt. Gruppen for din forvaltning kan se det nu." in saved.content.decode()


def test_people_privacy_my_data_and_the_case_form_use_the_word(room, facilitator_client):
    own_word(room.seminar)
    slug = room.seminar.slug

    anna = phone_of(room.anna)

    people = facilitator_client.get(f"/s/{slug}/people/").content.decode()
    privacy = anna.get(f"/s/{slug}/privacy/").content.decode()
    my_data = anna.get(f"/s/{slug}/my-data/").content.decode()
    case = anna.get(f"/s/{slug}/goals/case/").content.decode()

    assert '<th scope="col">Forvaltning</th>' in people
    assert "Dit navn, din forvaltning," in privacy
    assert "<dt>Forvaltning</dt>" in my_data
    assert "eller andre forvaltninger." in case and "Andre forvaltninger" in case
    for page in (people, privacy, my_data, case):
        assert "afdeling" not in page.lower()
