"""Stored XSS: hostile text in every participant field and a name, on every screen that shows it.

Each test stores the payload (tests/security/hostile.py) through the field's service, puts
the item where the room shows it, and reads the phone, the projector, the facilitator's
tablet and the report: wherever the text is shown it is text, and no screen gains an
element, a handler, a script or an htmx attribute from it.
"""

import uuid

import pytest
from django.test import Client

from goals.services import show_on_projector
from goals.shared_goals import services as goal_services
from program import selectors
from program import services as program_services
from program.ideas import services as ideas
from program.questions import services as questions
from program.tabletalk import services as tabletalk
from program.vernissage import services as vernissage
from tests.goals.conftest import room  # noqa: F401  (the goals room fixture)
from tests.interviews.conftest import add_interview_items, save
from tests.program.tables import seat
from tests.security.hostile import NAME, PAYLOAD, assert_inert, assert_shown_as_text


def go(seminar, item) -> None:
    program_services.jump(seminar=seminar, version=selectors.live_state(seminar).version, item=item)


def phone_of(participant) -> Client:
    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


def screens(
    seminar, facilitator_client, projector_client, phone: Client, *extra_phone_urls: str
) -> dict[str, str]:
    """The four seats' pages as they are now; the phone's page plus any personal pages given."""
    slug = seminar.slug
    phone_html = phone.get(f"/s/{slug}/").content.decode()
    phone_html += "".join(phone.get(url).content.decode() for url in extra_phone_urls)
    return {
        "phone": phone_html,
        "projector": projector_client.get(f"/s/{slug}/projector/").content.decode(),
        "tablet": facilitator_client.get(f"/s/{slug}/run/").content.decode(),
        "report": facilitator_client.get(f"/s/{slug}/report/").content.decode(),
    }


def check(pages: dict[str, str], shown_on: set[str]) -> None:
    for where, html in pages.items():
        (assert_shown_as_text if where in shown_on else assert_inert)(html, where)


def test_idea_text_is_inert_on_phone_projector_tablet_and_report(
    seminar, facilitator_client, projector_client
):
    tables = seat(seminar, "brainstorm")
    author = tables.people[0][0]
    ideas.submit_idea(item=tables.item, author=author, text=PAYLOAD, key=uuid.uuid4())

    pages = screens(seminar, facilitator_client, projector_client, phone_of(tables.people[0][1]))

    check(pages, {"phone", "projector", "tablet", "report"})


def test_table_card_text_is_inert_on_phone_projector_tablet_and_report(
    seminar, facilitator_client, projector_client
):
    tables = seat(seminar, "table_talk")
    tabletalk.submit_card(
        item=tables.item,
        author=tables.people[0][0],
        kind="possibility",
        text=PAYLOAD,
        key=uuid.uuid4(),
    )
    tabletalk.show_cards(item=tables.item, mode="all")

    pages = screens(seminar, facilitator_client, projector_client, phone_of(tables.people[0][1]))

    check(pages, {"phone", "projector", "tablet", "report"})


def test_question_text_is_inert_on_phone_projector_tablet_and_report(
    seminar, participant, facilitator_client, projector_client
):
    item = seat(seminar, "questions", go=True).item
    question = questions.ask(
        item=item, author=participant, text=PAYLOAD, anonymous=False, key=uuid.uuid4()
    )
    questions.feature(question=question)

    pages = screens(seminar, facilitator_client, projector_client, phone_of(participant))

    check(pages, {"phone", "projector", "tablet", "report"})


def test_gallery_comment_is_inert_on_phone_tablet_and_report(
    seminar, facilitator_client, projector_client
):
    brainstorm = seat(seminar, "brainstorm", sizes=(3, 3), position=1)
    idea = ideas.submit_idea(
        item=brainstorm.item, author=brainstorm.people[0][0], text="Kulturnat", key=uuid.uuid4()
    )
    tables = seat(seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)
    visitor = tables.people[1][0]
    vernissage.comment(item=tables.item, idea=idea, author=visitor, text=PAYLOAD, key=uuid.uuid4())
    gallery = f"/s/{seminar.slug}/galleries/{tables.item.pk}/{tables.groups[0].pk}/"

    pages = screens(seminar, facilitator_client, projector_client, phone_of(visitor), gallery)

    check(pages, {"phone", "tablet", "report"})


def test_interview_notes_are_inert_on_phone_projector_tablet_and_report(
    seminar, participant, facilitator_client, projector_client
):
    from groups.models import Grouping

    _, plenum = add_interview_items(seminar, Grouping.objects.create(seminar=seminar, name="Borde"))
    interview = save(participant, who=PAYLOAD, said=PAYLOAD, quotes=PAYLOAD, show_name=True)
    go(seminar, plenum)
    facilitator_client.post(
        f"/s/{seminar.slug}/run/interviews/{plenum.pk}/{interview.pk}/", {"action": "show"}
    )

    pages = screens(
        seminar,
        facilitator_client,
        projector_client,
        phone_of(participant),
        f"/s/{seminar.slug}/homework/interview/",
    )

    check(pages, {"phone", "projector", "report"})


def test_goal_text_is_inert_on_phone_projector_tablet_and_report(
    room,  # noqa: F811  (the goals room fixture, imported above for pytest to find)
    facilitator_client,  # noqa: F811
    projector_client,
):
    goal = goal_services.save_goal(
        item=room.writing,
        author=room.anna,
        version=0,
        key=uuid.uuid4(),
        what=PAYLOAD,
        why=PAYLOAD,
        how_we_know=PAYLOAD,
    )
    go(room.seminar, room.plenum)
    show_on_projector(item=room.plenum, what="goal", ref=goal.pk)

    pages = screens(room.seminar, facilitator_client, projector_client, phone_of(room.bo))

    check(pages, {"phone", "projector", "tablet", "report"})


def test_participant_name_is_inert_on_phone_projector_tablet_and_people_page(
    seminar, facilitator_client, projector_client
):
    tables = seat(seminar, "brainstorm")
    named = tables.people[0][0]
    named.name = NAME
    named.save()
    ideas.submit_idea(item=tables.item, author=named, text="Kulturnat", key=uuid.uuid4())
    program_services.show_on_projector(seminar=seminar, mode="groups")

    pages = screens(seminar, facilitator_client, projector_client, phone_of(named))
    pages["people"] = facilitator_client.get(f"/s/{seminar.slug}/people/").content.decode()

    check(pages, {"phone", "projector", "people", "report"})


def test_the_check_catches_the_payload_and_the_name_unescaped():
    """The check itself: the payload as markup is caught (else every test above could pass)."""
    for payload in (PAYLOAD, NAME):
        with pytest.raises(AssertionError):
            assert_inert(f"<main>{payload}</main>", "an unescaped page")
