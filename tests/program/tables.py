"""Test helpers: an agenda item of a given kind, run at published tables, and its people."""

from dataclasses import dataclass

from django.utils import timezone

from groups.models import Group, Membership, Round
from program import selectors
from program import services as program_services
from program.models import AgendaItem
from seminar.models import Participant
from tests import factories


@dataclass
class Tables:
    item: AgendaItem
    groups: list[Group]
    people: list[list[Participant]]


def seat(
    seminar, kind: str, sizes=(3, 2), position: int = 1, go: bool = True, grouping=None
) -> Tables:
    """Make item `position` of the seminar a `kind` item at published tables of these sizes."""
    item = factories.items(seminar)[position]
    if grouping is None:
        grouping = factories.grouping(seminar, name=f"Borde {kind}", label="Bord")
        round_ = Round.objects.create(grouping=grouping, number=1, published_at=timezone.now())
        groups, people = [], []
        for number, size in enumerate(sizes, start=1):
            group = Group.objects.create(round=round_, number=number, name=f"Bord {number}")
            members = [
                factories.participant(seminar, name=f"Bord {number} person {n}")
                for n in range(size)
            ]
            Membership.objects.bulk_create(
                Membership(round=round_, group=group, participant=p) for p in members
            )
            groups.append(group)
            people.append(members)
    else:
        round_ = grouping.rounds.get(number=1)
        groups = list(round_.groups.order_by("number"))
        people = [
            list(Participant.objects.filter(memberships__group=g).order_by("pk")) for g in groups
        ]
    item.kind, item.grouping, item.round_number = kind, grouping, 1
    item.save()
    if go:
        program_services.jump(
            seminar=seminar, version=selectors.live_state(seminar).version, item=item
        )
    return Tables(item=item, groups=groups, people=people)
