"""Reads: whether homework is still open, a table's interviews, who has handed in what."""

from dataclasses import dataclass

from groups.models import Group, Membership, Round
from interviews.models import TAGS, Interview, TableCard
from program import homework
from program.models import AgendaItem
from seminar.models import Participant, Seminar

TABLES_KIND = "interview_tables"
PLENUM_KIND = "interview_plenum"


def tables_opened(seminar: Seminar) -> bool:
    """Has a table session on the interviews begun? From then on they can no longer change."""
    return AgendaItem.objects.filter(
        day__seminar=seminar, kind=TABLES_KIND, actual_start__isnull=False
    ).exists()


def interview_of(participant: Participant) -> Interview | None:
    return Interview.objects.filter(seminar_id=participant.seminar_id, author=participant).first()


def handed_in(seminar: Seminar) -> set[int]:
    return set(Interview.objects.filter(seminar=seminar).values_list("author_id", flat=True))


def members(group: Group) -> list[Participant]:
    return [
        m.participant
        for m in Membership.objects.filter(group=group)
        .select_related("participant")
        .order_by("participant__name")
    ]


def table_interviews(item: AgendaItem, group: Group) -> tuple[list[Interview], list[Participant]]:
    """The interviews of a table's members (not hidden), and the members without one."""
    people = members(group)
    interviews = list(
        Interview.objects.visible()
        .filter(seminar_id=item.day.seminar_id, author__in=people)
        .select_related("author")
    )
    with_one = {interview.author_id for interview in interviews}
    return interviews, [person for person in people if person.pk not in with_one and person.present]


@dataclass
class TableSummary:
    group: Group
    members: int
    interviews: int
    cards: list[TableCard]


def tables_overview(item: AgendaItem, round_: Round) -> list[TableSummary]:
    done = handed_in(item.day.seminar)
    cards: dict[int, list[TableCard]] = {}
    for card in TableCard.objects.filter(item=item).select_related("author"):
        cards.setdefault(card.group_id, []).append(card)
    people: dict[int, list[int]] = {}
    for group_id, participant_id in Membership.objects.filter(round=round_).values_list(
        "group_id", "participant_id"
    ):
        people.setdefault(group_id, []).append(participant_id)
    return [
        TableSummary(
            group,
            len(people.get(group.pk, [])),
            sum(1 for pid in people.get(group.pk, []) if pid in done),
            cards.get(group.pk, []),
        )
        for group in round_.groups.order_by("number")
    ]


def tag_counts(seminar: Seminar) -> list[tuple[str, str, int]]:
    """(tag, label, how many visible interviews carry it), for the plenum's filter."""
    interviews = Interview.objects.visible().filter(seminar=seminar)
    return [(code, label, interviews.tagged(code).count()) for code, label in TAGS]


def plenum_items(seminar: Seminar):
    return (
        AgendaItem.objects.filter(day__seminar=seminar, kind=PLENUM_KIND)
        .select_related("day")
        .in_order()
    )


def plenum_item(seminar: Seminar, item_id: int | None = None) -> AgendaItem | None:
    """The plenum the picker works for: the one asked for, else the seminar's first."""
    items = plenum_items(seminar)
    return items.filter(pk=item_id).first() if item_id else items.first()


@dataclass
class Row:
    participant: Participant
    done: dict[str, bool]

    @property
    def missing(self) -> list[str]:
        return [key for key, done in self.done.items() if not done]


def homework_rows(seminar: Seminar) -> tuple[list[homework.HomeworkTask], list[Row]]:
    """Every participant with, for each registered homework task, whether it is handed in."""
    tasks = homework.tasks(seminar)
    done = {task.key: task.handed_in(seminar) for task in tasks}
    rows = [
        Row(person, {task.key: person.pk in done[task.key] for task in tasks})
        for person in seminar.participants.select_related("department").order_by("name")
    ]
    return tasks, rows
