"""Every change to groupings: forming a round, moving a person, publishing, re-balancing.

Screens that show groups (phones, the projector's "find your group") are told to
fetch their state again after commit, through the live layer's resync.
"""

import random

from django.db import transaction
from django.utils import timezone

from groups import selectors, solver
from groups.departments import department_groups
from groups.models import Group, Grouping, Membership, Round
from seminar import live
from seminar.languages import language_codes
from seminar.live import audiences
from seminar.models import Participant


class NotPossible(Exception):
    """The change makes no sense now; the message says why."""


def _resync(round_: Round, participant_ids) -> None:
    """Phones of these people and the projector fetch their full state after commit."""
    seminar_id = round_.grouping.seminar_id
    names = [audiences.person(pid) for pid in participant_ids]
    names += [audiences.projector(language) for language in language_codes()]
    live.publish(seminar_id, lambda: [(name, live.RESYNC) for name in names])


def _assignment(grouping: Grouping, number: int, seed: int) -> list[tuple[str, list[str]]]:
    """(name, participant ids) per group for a new round of the present people."""
    people = list(
        grouping.seminar.participants.present().select_related("department").order_by("pk")
    )
    if not people:
        raise NotPossible("nobody is checked in")
    if grouping.kind == Grouping.Kind.DEPARTMENT:
        return department_groups(
            [(str(p.pk), p.department.name) for p in people],
            max_size=grouping.group_size,
            min_size=grouping.min_size,
        )
    instance = {
        "people": [{"id": str(p.pk), "department": p.department.name} for p in people],
        "rounds": 1,
        "history": selectors.history(Round(grouping=grouping, number=number)),
        "seed": seed,
    }
    if grouping.num_groups:
        instance["num_groups"] = grouping.num_groups
        leaders = [p for p in people if p.role == Participant.Role.PROCESS_LEADER]
        if len(leaders) == grouping.num_groups:  # one process leader pinned to each group
            fixed = {str(p.pk): index for index, p in enumerate(leaders)}
            for person in instance["people"]:
                if person["id"] in fixed:
                    person["fixed_group"] = fixed[person["id"]]
    else:
        instance["group_size"] = grouping.group_size or 6
    try:
        [groups] = solver.solve(instance)["rounds"]
    except solver.InstanceError as error:
        raise NotPossible(str(error)) from error
    return [(f"{grouping.label} {index + 1}", ids) for index, ids in enumerate(groups)]


@transaction.atomic
def form_round(*, grouping: Grouping, number: int, seed: int | None = None) -> Round:
    """Form (or form again) an unpublished round from the people present now.

    Saves the round, its groups and memberships; keeps group places already typed in.
    Refuses a published round: re-balance that instead.
    """
    round_, _ = Round.objects.select_for_update().get_or_create(grouping=grouping, number=number)
    if round_.published_at is not None:
        raise NotPossible("the round is published; re-balance it instead")
    places = dict(round_.groups.values_list("number", "location"))
    round_.groups.all().delete()
    seed = seed if seed is not None else random.SystemRandom().randrange(1, 2**31)
    for index, (name, ids) in enumerate(_assignment(grouping, number, seed)):
        group = Group.objects.create(
            round=round_, number=index + 1, name=name, location=places.get(index + 1, "")
        )
        Membership.objects.bulk_create(
            Membership(round=round_, group=group, participant_id=int(pid)) for pid in ids
        )
    return round_


@transaction.atomic
def move_person(*, round_: Round, participant: Participant, group: Group) -> None:
    """Move one person to another group of the round (or place someone not yet in it).

    Saves the membership; if the round is published, the person's phone, their old
    and new group's phones and the projector update.
    """
    if group.round_id != round_.pk:
        raise NotPossible("that group belongs to another round")
    membership = Membership.objects.filter(round=round_, participant=participant).first()
    old_group_id = membership.group_id if membership else None
    if membership is None:
        Membership.objects.create(round=round_, group=group, participant=participant)
    else:
        membership.group = group
        membership.save(update_fields=["group"])
    if round_.published_at is not None:
        affected = Membership.objects.filter(group_id__in=[group.pk, old_group_id]).values_list(
            "participant_id", flat=True
        )
        _resync(round_, {participant.pk, *affected})


@transaction.atomic
def publish_round(*, round_: Round) -> Round:
    """Make a round visible: phones show "your group now" when the program reaches it."""
    if not round_.groups.exists():
        raise NotPossible("form the round first")
    round_.published_at = timezone.now()
    round_.save(update_fields=["published_at"])
    _resync(round_, round_.memberships.values_list("participant_id", flat=True))
    return round_


@transaction.atomic
def rebalance_round(*, round_: Round) -> list[tuple[Participant, Group | None, Group | None]]:
    """Fit a round to who is present now with the fewest moves; returns who moved where.

    Absent people leave their group, late arrivals are placed, sizes end within one.
    """
    groups = list(round_.groups.order_by("number"))
    if not groups:
        raise NotPossible("form the round first")
    current = selectors.as_ids(round_)
    seminar = round_.grouping.seminar
    present = [
        str(pk) for pk in seminar.participants.present().order_by("pk").values_list("pk", flat=True)
    ]
    leaders = [p for p in seminar.participants.filter(role=Participant.Role.PROCESS_LEADER)]
    fixed = {}
    for index, members in enumerate(current):
        fixed.update({str(p.pk): index for p in leaders if str(p.pk) in members})
    new_groups, moves = solver.rebalance(
        current, present, selectors.departments(seminar.pk), selectors.history(round_), fixed
    )
    people = {str(p.pk): p for p in seminar.participants.filter(pk__in=[int(m[0]) for m in moves])}
    for pid, _, to in moves:
        if to is None:
            Membership.objects.filter(round=round_, participant_id=int(pid)).delete()
        else:
            Membership.objects.update_or_create(
                round=round_, participant_id=int(pid), defaults={"group": groups[to]}
            )
    if round_.published_at is not None:
        touched = {g for _, a, b in moves for g in (a, b) if g is not None}
        affected = Membership.objects.filter(group__in=[groups[g] for g in touched]).values_list(
            "participant_id", flat=True
        )
        _resync(round_, {int(m[0]) for m in moves} | set(affected))
    return [
        (people[pid], groups[a] if a is not None else None, groups[b] if b is not None else None)
        for pid, a, b in moves
    ]
