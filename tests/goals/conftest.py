"""A seminar with the goals app's five activities, two big groups and two department groups."""

import datetime as dt
import uuid
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

from goals.cases import services as cases
from goals.commitments import services as commitments
from goals.plans import services as plans
from goals.shared_goals import services as goals
from groups.models import Group, Grouping, Membership, Round
from program import selectors
from program import services as program_services
from program.models import AgendaItem
from seminar.models import Participant
from tests import factories


def published_round(seminar, name: str, kind: str, groups: dict[str, list]) -> list[Group]:
    grouping = Grouping.objects.create(seminar=seminar, name=name, kind=kind)
    round_ = Round.objects.create(grouping=grouping, number=1, published_at=timezone.now())
    made = []
    for number, (group_name, people) in enumerate(groups.items(), start=1):
        group = Group.objects.create(round=round_, number=number, name=group_name)
        Membership.objects.bulk_create(
            Membership(round=round_, group=group, participant=p) for p in people
        )
        made.append(group)
    return made


def phone_of(participant) -> Client:
    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


def go(seminar, item) -> None:
    """Make the item the current one, as the facilitator's "Go" does."""
    program_services.jump(seminar=seminar, version=selectors.live_state(seminar).version, item=item)


@pytest.fixture
def room(seminar):
    finance = factories.department(seminar, "Økonomi")
    culture = factories.department(seminar, "Kultur")
    anna = factories.participant(
        seminar, "Anna Leder", role=Participant.Role.PROCESS_LEADER, department=finance
    )
    bo = factories.participant(seminar, "Bo Medlem", department=culture)
    cai = factories.participant(
        seminar, "Cai Leder", role=Participant.Role.PROCESS_LEADER, department=finance
    )
    dea = factories.participant(
        seminar, "Dea Direktør", role=Participant.Role.MANAGEMENT, department=culture
    )
    big = published_round(
        seminar,
        "Store grupper",
        Grouping.Kind.MIXED,
        {"Gruppe 1": [anna, bo], "Gruppe 2": [cai, dea]},
    )
    departments = published_round(
        seminar,
        "Forvaltningsgrupper",
        Grouping.Kind.DEPARTMENT,
        {"Økonomi": [anna, cai], "Kultur": [bo, dea]},
    )
    thursday, friday = seminar.days.order_by("date")

    def item(day, position, title, kind, grouping=None):
        return AgendaItem.objects.create(
            day=day,
            position=position,
            start=dt.time(15, position),
            minutes=30,
            title=title,
            kind=kind,
            grouping=grouping,
            text=f"{title} tekst",
        )

    return SimpleNamespace(
        seminar=seminar,
        anna=anna,
        bo=bo,
        cai=cai,
        dea=dea,
        big=big,
        departments=departments,
        cases=item(thursday, 10, "Fra læring til mål", "cases", big[0].round.grouping),
        writing=item(thursday, 11, "Fælles mål", "goal_writing", big[0].round.grouping),
        plenum=item(thursday, 12, "Mål i plenum", "goal_plenum"),
        plans=item(
            friday,
            10,
            "Fra helhed til egen enhed",
            "department_plans",
            departments[0].round.grouping,
        ),
        commitments=item(friday, 11, "Hvad siger vi hjemme?", "commitments"),
    )


def commit(room, author, monday, share, **fields):
    return commitments.save_commitment(
        item=room.commitments,
        author=author,
        version=0,
        key=uuid.uuid4(),
        monday=monday,
        share_monday=share,
        **{"agreements": "", "messages": [], **fields},
    )


@pytest.fixture
def produced(room, facilitator):
    """Cases, a poster, an analysis, two goals (one hidden), a plan, Monday actions and management's
    message."""
    for author, title, themes in [
        (room.anna, "Frivillige i Ølgod", "tillid"),
        (room.bo, "Ungeråd", "=ungdom"),
    ]:
        cases.save_case(
            author=author,
            version=0,
            key=uuid.uuid4(),
            title=title,
            what_happened="Vi inviterede",
            partners=[],
            partners_other="",
            achieved="",
            themes=themes,
        )
    cases.add_poster_note(
        item=room.cases, author=room.bo, kind="theme", text="Tillid først", key=uuid.uuid4()
    )
    note = cases.add_poster_note(
        item=room.cases, author=room.bo, kind="practice", text="HIDDEN-NOTE", key=uuid.uuid4()
    )
    cases.hide_poster_note(note=note)
    pick = cases.pick_case(item=room.cases, group=room.big[0], case=room.bo.cocreation_case)
    cases.save_analysis(
        pick=pick,
        version=0,
        key=uuid.uuid4(),
        went_well="Mødet med rådet",
        could_be_better="Mere tid",
        how="Fast mødedag",
    )
    cases.save_takeaway(
        item=room.cases, author=room.anna, version=0, key=uuid.uuid4(), text="PRIVATE-TAKEAWAY-MARK"
    )
    goal = goals.save_goal(
        item=room.writing,
        author=room.anna,
        version=0,
        key=uuid.uuid4(),
        what="Flere frivillige",
        why="Fordi",
        how_we_know="Vi tæller",
    )
    goal = goals.lock_goal(goal=goal, user=facilitator)
    goals.shake_hands(goal=goal, participant=room.bo)
    goals.shake_hands(goal=goal, participant=room.cai)
    other = goals.save_goal(
        item=room.writing,
        author=room.cai,
        version=0,
        key=uuid.uuid4(),
        what="HIDDEN-GOAL",
        why="",
        how_we_know="",
    )
    goals.hide_goal(goal=other)
    plans.save_plan(
        item=room.plans,
        author=room.anna,
        goal=goal,
        version=0,
        key=uuid.uuid4(),
        requires="Mere tid til foreninger",
        how="Faste møder",
        challenges="Travlhed",
        meeting_them="",
    )
    commit(
        room,
        room.anna,
        "Ring til formanden",
        True,
        agreements="PRIVATE-AGREEMENT-MARK",
        messages=[("CLOSING-MESSAGE-MARK", "Teamet")],
    )
    commit(room, room.bo, "PRIVATE-MONDAY-MARK", False)
    hidden = commit(room, room.cai, "HIDDEN-MONDAY", True)
    commitments.hide_commitment(item=room.commitments, commitment=hidden)
    commitments.save_management_message(
        item=room.commitments,
        author=room.dea,
        version=0,
        key=uuid.uuid4(),
        text="Tak for to gode dage",
    )
    return goal
