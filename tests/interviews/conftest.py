"""A seminar with the afternoon's interview items and its tables (Borde, round 2) published."""

import datetime as dt
import uuid

import pytest
from django.test import Client
from django.utils import timezone

from groups.models import Group, Membership, Round
from interviews import services
from program.models import AgendaItem
from tests import factories


def add_interview_items(seminar, grouping):
    day = seminar.days.order_by("date").first()
    tables = AgendaItem.objects.create(
        day=day,
        position=10,
        start=dt.time(13, 0),
        minutes=30,
        title="Borgerperspektiver",
        kind="interview_tables",
        grouping=grouping,
        round_number=2,
        text="Bearbejdning af interviews",
    )
    plenum = AgendaItem.objects.create(
        day=day,
        position=11,
        start=dt.time(13, 30),
        minutes=15,
        title="Plenum-tilbagemelding",
        kind="interview_plenum",
        text="De mest interessante interviews deles i plenum.",
    )
    return tables, plenum


def publish_tables(grouping, tables: list[list]) -> Round:
    """Round 2 of the grouping with these people at Bord 1, Bord 2, ... published."""
    round_ = Round.objects.create(grouping=grouping, number=2, published_at=timezone.now())
    for number, people in enumerate(tables, start=1):
        group = Group.objects.create(round=round_, number=number, name=f"Bord {number}")
        for person in people:
            Membership.objects.create(round=round_, group=group, participant=person)
    return round_


def save(
    author,
    who="Forælder til to, bruger dagplejen",
    said="De svarer hurtigt, men brevene er svære.",
    quotes="",
    tags=(),
    show_name=False,
    version=0,
    key=None,
):
    return services.save_interview(
        author=author,
        who=who,
        said=said,
        quotes=quotes,
        tags=list(tags),
        show_name=show_name,
        version=version,
        key=key or uuid.uuid4(),
    )


def phone_of(participant) -> Client:
    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


@pytest.fixture
def borde(seminar):
    return factories.grouping(seminar, "Borde", label="Bord", group_size=6)


@pytest.fixture
def afternoon(seminar, borde):
    return add_interview_items(seminar, borde)


@pytest.fixture
def tables_item(afternoon):
    return afternoon[0]


@pytest.fixture
def plenum_item(afternoon):
    return afternoon[1]


@pytest.fixture
def people(seminar, participant):
    """The `participant` fixture and a table mate at Bord 1; two others at Bord 2."""
    return [
        participant,
        *(factories.participant(seminar, name=name) for name in ("Anne", "Bo", "Carl")),
    ]


@pytest.fixture
def tables(borde, people):
    return publish_tables(borde, [people[:2], people[2:]])
