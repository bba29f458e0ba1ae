"""Department plans: what each locked goal requires of a department, written by its group."""

import uuid

from django.db import transaction

from goals import selectors
from goals.models import DepartmentPlan, Goal, Showing
from goals.plans import regions
from goals.services import NotAllowed, NotOpen, store_versioned
from groups.models import Group
from program import activities
from program.models import AgendaItem
from seminar.models import Participant

KIND = "department_plans"
PLAN_FIELDS = ["requires", "how", "challenges", "meeting_them"]


def _publish(item: AgendaItem, group: Group) -> None:
    """After commit: the group's phones, the tablets, and the projector when it shows this group."""
    shown = selectors.showing(item)
    projected = (shown.what, shown.ref) == (Showing.What.PLANS, group.pk)
    also = [regions.PROJECTED] if projected else []
    activities.push(item, regions.GROUP, regions.TABLET, *also, target=group)


def save_plan(*, item: AgendaItem, author: Participant, goal: Goal, version: int, key: uuid.UUID,
              requires: str, how: str, challenges: str, meeting_them: str) -> DepartmentPlan:
    """A member saves their department group's plan for a locked goal (Stale on an older version).

    A retried save (same key) returns the stored plan unchanged. Pushes the group's
    phones, the tablets and (when it shows this department) the projector.
    """
    if item.kind != KIND or item.day.seminar_id != author.seminar_id or goal.seminar_id != author.seminar_id:
        raise NotOpen
    if not goal.locked or goal.hidden:
        raise NotOpen
    group = selectors.group_for(item, author)
    if group is None:
        raise NotAllowed
    texts = {"requires": requires, "how": how, "challenges": challenges, "meeting_them": meeting_them}
    with transaction.atomic():
        plan, changed = store_versioned(DepartmentPlan, lookup={"group": group, "goal": goal}, version=version,
                                        key=key, fields={**texts, "item": item} if version == 0 else texts)
        if changed:
            _publish(item, group)
    return plan


@transaction.atomic
def hide_plan(*, plan: DepartmentPlan, hidden: bool = True) -> None:
    """Hide a plan from the projector and the phones (or show it again); it is kept."""
    DepartmentPlan.objects.filter(pk=plan.pk).update(hidden=hidden)
    _publish(plan.item, plan.group)
