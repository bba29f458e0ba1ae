"""A seminar with the goals app's five activities, two big groups and two department groups."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

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
        Membership.objects.bulk_create(Membership(round=round_, group=group, participant=p) for p in people)
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
    anna = factories.participant(seminar, "Anna Leder", role=Participant.Role.PROCESS_LEADER, department=finance)
    bo = factories.participant(seminar, "Bo Medlem", department=culture)
    cai = factories.participant(seminar, "Cai Leder", role=Participant.Role.PROCESS_LEADER, department=finance)
    dea = factories.participant(seminar, "Dea Direktør", role=Participant.Role.MANAGEMENT, department=culture)
    big = published_round(seminar, "Store grupper", Grouping.Kind.MIXED, {"Gruppe 1": [anna, bo], "Gruppe 2": [cai, dea]})
    departments = published_round(seminar, "Forvaltningsgrupper", Grouping.Kind.DEPARTMENT,
                                  {"Økonomi": [anna, cai], "Kultur": [bo, dea]})
    thursday, friday = seminar.days.order_by("date")

    def item(day, position, title, kind, grouping=None):
        return AgendaItem.objects.create(day=day, position=position, start=dt.time(15, position), minutes=30,
                                         title=title, kind=kind, grouping=grouping, text=f"{title} tekst")

    return SimpleNamespace(
        seminar=seminar, anna=anna, bo=bo, cai=cai, dea=dea, big=big, departments=departments,
        cases=item(thursday, 10, "Fra læring til mål", "cases", big[0].round.grouping),
        writing=item(thursday, 11, "Fælles mål", "goal_writing", big[0].round.grouping),
        plenum=item(thursday, 12, "Mål i plenum", "goal_plenum"),
        plans=item(friday, 10, "Fra helhed til egen enhed", "department_plans", departments[0].round.grouping),
        commitments=item(friday, 11, "Hvad siger vi hjemme?", "commitments"),
    )
