"""A room at the soapbox for tests: big groups formed by the solver, published, the item on."""

import uuid
from dataclasses import dataclass

from groups import selectors as group_selectors
from groups import services as group_services
from groups.models import Group
from program import selectors as program_selectors
from program import services as program_services
from program.models import AgendaItem
from program.soapbox import services, writing
from seminar.models import Participant
from tests import factories


@dataclass
class Table:
    group: Group
    leader: Participant
    members: list[Participant]  # everyone but the leader, by name


@dataclass
class Room:
    item: AgendaItem
    tables: list[Table]


def make_room(seminar, *, groups: int = 2, members: int = 4) -> Room:
    """`groups` big groups, each with one process leader and `members` others; the soapbox is on."""
    departments = [
        factories.department(seminar, name) for name in ("Børn og Unge", "Teknik", "Social")
    ]
    for number in range(groups):
        factories.participant(
            seminar,
            f"Procesleder {number + 1}",
            role=Participant.Role.PROCESS_LEADER,
            department=departments[number % 3],
        )
    for number in range(groups * members):
        factories.participant(
            seminar, f"Leder {number + 1:02d}", department=departments[number % 3]
        )
    grouping = factories.grouping(seminar, "Store grupper", num_groups=groups, label="Gruppe")
    item = factories.items(seminar)[1]
    item.kind, item.grouping = "soapbox", grouping
    item.save()
    round_ = group_services.form_round(grouping=grouping, number=1, seed=7)
    group_services.publish_round(round_=round_)
    program_services.jump(
        seminar=seminar, version=program_selectors.live_state(seminar).version, item=item
    )
    tables = []
    for group, people in group_selectors.round_members(round_):
        leader = next(p for p in people if p.role == Participant.Role.PROCESS_LEADER)
        tables.append(Table(group, leader, [p for p in people if p != leader]))
    return Room(item, tables)


def version(room: Room, table: Table) -> int:
    from program.soapbox import selectors

    return selectors.group_state(room.item, table.group).version


def to_speeches(room: Room, table: Table, volunteers=(), seed: int = 1):
    """Choose the table's speakers, move on to the speeches and call the first speaker up."""
    services.choose_speakers(
        item=room.item,
        group=table.group,
        version=version(room, table),
        volunteers=list(volunteers),
        seed=seed,
    )
    services.move_phase(
        item=room.item, group=table.group, version=version(room, table), forward=True
    )
    return services.call_next_speaker(
        item=room.item, group=table.group, version=version(room, table)
    )


def feedback(room: Room, author, speaker, worked="Klar og varm", suggestion="Kortere", key=None):
    return writing.give_feedback(
        item=room.item,
        author=author,
        speaker=speaker,
        worked=worked,
        suggestion=suggestion,
        key=key or uuid.uuid4(),
    )
