"""Reads: rounds with their groups and members, history, quality, who sits where."""

from collections import Counter
from math import ceil

from django.utils.translation import gettext as _

from groups import solver
from groups.models import Group, Grouping, Membership, Round
from seminar.models import Participant
from seminar.queries import unique_or_none

Rounds = list[list[list[str]]]


def round_members(round_: Round) -> list[tuple[Group, list[Participant]]]:
    """Each group of a round with its members (process leaders first, then by name)."""
    members: dict[int, list[Participant]] = {}
    memberships = (
        Membership.objects.filter(round=round_)
        .select_related("participant__department")
        .order_by("participant__name")
    )
    for membership in memberships:
        members.setdefault(membership.group_id, []).append(membership.participant)
    leader = Participant.Role.PROCESS_LEADER
    return [
        (group, sorted(members.get(group.pk, []), key=lambda p: (p.role != leader, p.name)))
        for group in round_.groups.order_by("number")
    ]


def as_ids(round_: Round) -> list[list[str]]:
    return [[str(person.pk) for person in people] for _, people in round_members(round_)]


def history(round_: Round) -> Rounds:
    """The groups of the grouping's earlier rounds, as solver ids."""
    earlier = Round.objects.filter(grouping=round_.grouping, number__lt=round_.number).order_by(
        "number"
    )
    return [as_ids(r) for r in earlier]


def departments(seminar_id: int) -> dict[str, str]:
    return {
        str(pk): name
        for pk, name in Participant.objects.filter(seminar_id=seminar_id).values_list(
            "pk", "department__name"
        )
    }


def quality(round_: Round) -> dict[str, int]:
    return solver.quality(
        [as_ids(round_)], departments(round_.grouping.seminar_id), history(round_)
    )


def department_figures(members: list[tuple[Group, list[Participant]]]) -> dict[str, object]:
    """Figures that fit department groups: how many groups, their sizes, which departments
    were split over several groups and which groups hold more than one department."""
    groups_of: dict[str, set[int]] = {}
    for group, people in members:
        for person in people:
            groups_of.setdefault(person.department.name, set()).add(group.pk)
    sizes = [len(people) for _, people in members]
    return {
        "groups": len(members),
        "departments": len(groups_of),
        "min_group_size": min(sizes, default=0),
        "max_group_size": max(sizes, default=0),
        "split": sorted(name for name, groups in groups_of.items() if len(groups) > 1),
        "merged": [
            group.name for group, people in members if len({p.department_id for p in people}) > 1
        ],
    }


def department_limit(round_: Round) -> int:
    """The most colleagues of one department that one group should hold."""
    sizes = Counter(
        Participant.objects.filter(memberships__round=round_).values_list("department", flat=True)
    )
    groups = round_.groups.count() or 1
    return ceil(max(sizes.values(), default=0) / groups)


def move_warnings(round_: Round, person: Participant, target: Group) -> list[str]:
    """What moving a person to a group would cost: repeated pairs, a department piling up."""
    warnings = []
    others = Participant.objects.filter(memberships__group=target).exclude(pk=person.pk)
    me = str(person.pk)
    met = {pid for groups in history(round_) for group in groups if me in group for pid in group}
    repeats = [other.name for other in others if str(other.pk) in met]
    if repeats:
        warnings.append(_("Has sat with %(names)s before.") % {"names": ", ".join(sorted(repeats))})
    colleagues = sum(1 for other in others if other.department_id == person.department_id) + 1
    if round_.grouping.kind == Grouping.Kind.MIXED and colleagues > department_limit(round_):
        warnings.append(
            _("%(count)d from %(department)s at this group.")
            % {"count": colleagues, "department": person.department.name}
        )
    return warnings


def round_for_item(item) -> Round | None:
    """The published round an agenda item uses, if any."""
    if item is None or item.grouping_id is None:
        return None
    return (
        Round.objects.filter(
            grouping_id=item.grouping_id, number=item.round_number, published_at__isnull=False
        )
        .select_related("grouping")
        .first()
    )


def group_of(participant_id: int, round_: Round | None) -> Group | None:
    if round_ is None:
        return None
    membership = (
        Membership.objects.filter(round=round_, participant_id=participant_id)
        .select_related("group")
        .first()
    )
    return membership.group if membership else None


def group_for_item(participant_id: int, item) -> Group | None:
    """The person's group in the published round an item uses: `group_of(round_for_item())` in one
    query."""
    if item is None or item.grouping_id is None:
        return None
    membership = unique_or_none(
        Membership.objects.filter(
            participant_id=participant_id,
            round__grouping_id=item.grouping_id,
            round__number=item.round_number,
            round__published_at__isnull=False,
        ).select_related("group")
    )
    return membership.group if membership else None


def published_groups_of(participant_id: int) -> list[int]:
    """Ids of every group the person belongs to in a published round (their live audiences)."""
    return list(
        Membership.objects.filter(
            participant_id=participant_id, round__published_at__isnull=False
        ).values_list("group_id", flat=True)
    )
