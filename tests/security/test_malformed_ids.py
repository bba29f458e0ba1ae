"""Every id a request carries is parsed strictly: a malformed one is a 400 that names it,
in the person's language, and nothing is written. Ids come from URLs, query strings and
form fields; each endpoint below takes one, and each bad value is one case."""

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from goals.models import CasePick, Showing
from groups.models import Membership
from interviews.models import Pick
from program import selectors as program_selectors
from program.ideas import services as ideas
from program.models import (
    Comment,
    Idea,
    LiveState,
    Reaction,
    SpeakerDraw,
    SpeechFeedback,
    TableTalkShow,
)
from tests import factories
from tests.program.soapbox_room import make_room, version
from tests.program.tables import seat

BAD = ["abc", "²", "-1", "99999999999999999999", "", "1.5"]
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def phone(person) -> Client:
    client = Client()
    client.get(f"/p/{person.token}/")
    return client


@dataclass
class Request:
    client: Client
    method: str
    path: str
    data: dict
    written: Callable[[], object]  # a snapshot of everything the request could write


def _vernissage(seminar):
    brainstorm = seat(seminar, "brainstorm", sizes=(2, 2), position=1)
    ideas.submit_idea(
        item=brainstorm.item, author=brainstorm.people[0][0], text="Idé", key=uuid.uuid4()
    )
    tables = seat(seminar, "vernissage", position=2, grouping=brainstorm.item.grouping)
    return tables, Idea.objects.get()


def react(seminar, facilitator_client, bad):
    tables, idea = _vernissage(seminar)
    return Request(
        phone(tables.people[0][0]),
        "post",
        f"/s/{seminar.slug}/galleries/react/{idea.pk}/",
        {"item": bad, "kind": Reaction.Kind.LIKE},
        lambda: list(Reaction.objects.values()),
    )


def comment(seminar, facilitator_client, bad):
    tables, idea = _vernissage(seminar)
    return Request(
        phone(tables.people[0][0]),
        "post",
        f"/s/{seminar.slug}/galleries/comment/{idea.pk}/",
        {"item": bad, "text": "Fin idé", "key": str(uuid.uuid4())},
        lambda: list(Comment.objects.values()),
    )


def soapbox_slot(seminar, facilitator_client, bad):
    room = make_room(seminar)
    return Request(
        phone(room.tables[0].members[0]),
        "get",
        f"/s/{seminar.slug}/soapbox/{room.item.pk}/slot/speaker-{bad}/",
        {},
        lambda: list(SpeechFeedback.objects.values()),
    )


def soapbox_volunteers(seminar, facilitator_client, bad):
    room = make_room(seminar)
    table = room.tables[0]
    return Request(
        phone(table.leader),
        "post",
        f"/s/{seminar.slug}/soapbox/{room.item.pk}/lead/{table.group.pk}/",
        {"version": version(room, table), "action": "speakers", "volunteers": bad},
        lambda: list(SpeakerDraw.objects.values()),
    )


def interview_picker(seminar, facilitator_client, bad):
    return Request(
        facilitator_client,
        "get",
        f"/s/{seminar.slug}/run/interviews/",
        {"item": bad},
        lambda: list(Pick.objects.values()),
    )


def jump(seminar, facilitator_client, bad):
    factories.items(seminar)
    return Request(
        facilitator_client,
        "post",
        f"/s/{seminar.slug}/run/jump/",
        {"version": program_selectors.live_state(seminar).version, "item": bad},
        lambda: list(LiveState.objects.values()),
    )


def table_talk_show(seminar, facilitator_client, bad):
    tables = seat(seminar, "table_talk")
    return Request(
        facilitator_client,
        "post",
        f"/s/{seminar.slug}/run/tables/{tables.item.pk}/show/",
        {"mode": "", "group": bad},
        lambda: list(TableTalkShow.objects.values()),
    )


def case_pick(seminar, facilitator_client, bad):
    tables = seat(seminar, "cases")
    leader = tables.people[0][0]
    leader.role = leader.Role.PROCESS_LEADER
    leader.save()
    return Request(
        phone(leader),
        "post",
        f"/s/{seminar.slug}/goals/cases/{tables.item.pk}/pick/",
        {"case": bad},
        lambda: list(CasePick.objects.values()),
    )


def goals_show(seminar, facilitator_client, bad):
    tables = seat(seminar, "goal_plenum")
    return Request(
        facilitator_client,
        "post",
        f"/s/{seminar.slug}/run/goals/show/{tables.item.pk}/",
        {"what": Showing.What.GOAL, "ref": bad},
        lambda: list(Showing.objects.values()),
    )


def _round_url(seminar, tail):
    tables = seat(seminar, "mixed", go=False)
    return tables, f"/s/{seminar.slug}/groups/{tables.item.grouping_id}/round/1/{tail}"


def group_move(seminar, facilitator_client, bad):
    tables, url = _round_url(seminar, "move/")
    return Request(
        facilitator_client,
        "post",
        url,
        {"participant": bad, "group": tables.groups[1].pk},
        lambda: list(Membership.objects.values()),
    )


def group_move_check(seminar, facilitator_client, bad):
    tables, url = _round_url(seminar, "move/check/")
    return Request(
        facilitator_client,
        "get",
        url,
        {"participant": tables.people[0][0].pk, "group": bad},
        lambda: list(Membership.objects.values()),
    )


ENDPOINTS = [
    react,
    comment,
    soapbox_slot,
    soapbox_volunteers,
    interview_picker,
    jump,
    table_talk_show,
    case_pick,
    goals_show,
    group_move,
    group_move_check,
]
CASES = [
    pytest.param(endpoint, bad, id=f"{endpoint.__name__}-{bad}")
    for endpoint in ENDPOINTS
    for bad in BAD
    if bad
]


@pytest.mark.parametrize(("endpoint", "bad"), CASES)
def test_a_malformed_id_is_a_clear_400_and_writes_nothing(
    seminar, facilitator_client, endpoint, bad
):
    request = endpoint(seminar, facilitator_client, bad)
    before = request.written()

    response = getattr(request.client, request.method)(request.path, request.data, **EN)

    assert response.status_code == 400
    assert (
        f"The page sent a number that is not valid (“<bdi>{bad}</bdi>”)"
        in response.content.decode()
    )
    assert request.written() == before


# An empty required choice is a slip the form names, not a tampered request; the tablet's
# live panel shows its form errors as it shows a stale press, in the panel it answers with.
EMPTY = {
    react: (400, "The page sent a number that is not valid (“<bdi></bdi>”)"),
    comment: (400, "The page sent a number that is not valid (“<bdi></bdi>”)"),
    soapbox_slot: (400, "The page sent a number that is not valid (“<bdi></bdi>”)"),
    case_pick: (400, "Choose one of your group&#x27;s cases."),
    group_move: (400, "Choose a person and a group of this round."),
    jump: (200, "This field is required."),
}


@pytest.mark.parametrize("endpoint", EMPTY, ids=lambda endpoint: endpoint.__name__)
def test_an_empty_required_id_is_refused_with_a_message_and_writes_nothing(
    seminar, facilitator_client, endpoint
):
    request = endpoint(seminar, facilitator_client, "")
    before = request.written()

    response = getattr(request.client, request.method)(
        request.path, request.data, HTTP_HX_REQUEST="true", **EN
    )

    assert (response.status_code, EMPTY[endpoint][1] in response.content.decode()) == (
        EMPTY[endpoint][0],
        True,
    )
    assert request.written() == before


def test_the_message_is_in_danish_by_default_and_alone_for_htmx(seminar, facilitator_client):
    request = interview_picker(seminar, facilitator_client, "²")

    response = request.client.get(request.path, request.data, HTTP_HX_REQUEST="true")

    assert response.status_code == 400
    assert response.content.decode().strip() == (
        '<p class="error" role="alert">Siden sendte et tal, der ikke er gyldigt (“<bdi>²</bdi>”). '
        "Genindlæs siden, og prøv igen.</p>"
    )


@pytest.mark.parametrize(
    "endpoint", [react, comment, interview_picker], ids=lambda endpoint: endpoint.__name__
)
def test_a_well_formed_id_that_does_not_exist_is_a_404_without_writing(
    seminar, facilitator_client, endpoint
):
    request = endpoint(seminar, facilitator_client, "987654")
    before = request.written()

    response = getattr(request.client, request.method)(request.path, request.data, **EN)

    assert response.status_code == 404
    assert request.written() == before


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif re.search(r"<(int|str|token):", str(pattern.pattern)):
            yield prefix + str(pattern.pattern)


ROUTES = sorted(set(_routes(get_resolver().url_patterns)))


@pytest.mark.parametrize("route", ROUTES)
def test_no_address_with_an_out_of_range_or_odd_id_is_a_server_error(seminar, facilitator, route):
    """URL ids are `<int:>` (ASCII digits, any length), link tokens or slot names: twenty
    digits, which no database column holds, "²", 0 and a NUL byte (which PostgreSQL refuses
    in a query) answer 4xx, even for a logged-in facilitator whose browser is also bound
    to a participant (every guard passes)."""
    client = Client()
    client.force_login(facilitator)
    client.get(f"/p/{factories.participant(seminar).token}/")

    for value in ("99999999999999999999", "²", "0", "%00"):
        path = "/" + re.sub(
            r"<(int|str|token):\w+>", value, route.replace("<slug:slug>", seminar.slug)
        )
        for method in (client.get, client.post):
            assert (path, method(path).status_code in (400, 403, 404, 405)) == (path, True)


def test_a_nul_byte_in_the_people_search_is_ignored(facilitator_client, seminar, participant):
    response = facilitator_client.get(
        f"/s/{seminar.slug}/people/", {"q": participant.name[:3] + "\x00"}, **EN
    )

    assert response.status_code == 200
    assert participant.name in response.content.decode()
