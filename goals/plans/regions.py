"""The department plans' live regions and what they read: a department group's plans, the tablet,
the projector's plans of one department."""

from goals import selectors
from goals.models import DepartmentPlan, Goal, Showing
from groups import selectors as group_selectors
from groups.models import Group
from program.models import AgendaItem
from seminar.live.regions import Region, Scope

TEMPLATE = "goals/plans/live.html"


def locked_goals(seminar_id: int) -> list[Goal]:
    return list(Goal.objects.filter(seminar_id=seminar_id).locked().visible().in_order())


def plans_of(group: Group, *,
             with_hidden: bool = False) -> list[tuple[Goal, DepartmentPlan | None]]:
    """(goal, this group's plan or None) for every locked goal."""
    plans = DepartmentPlan.objects.filter(group=group)
    if not with_hidden:
        plans = plans.filter(hidden=False)
    by_goal = {plan.goal_id: plan for plan in plans}
    return [(goal, by_goal.get(goal.pk)) for goal in locked_goals(group.round.grouping.seminar_id)]


def group_part(item: AgendaItem, group: Group) -> dict:
    return {"item": item, "group": group, "plans": plans_of(group)}


def tablet(item: AgendaItem, _=None) -> dict:
    round_ = group_selectors.round_for_item(item)
    groups = [(group, plans_of(group, with_hidden=True))
              for group in (round_.groups.order_by("number") if round_ else ())]
    return {"item": item, "seminar": item.day.seminar, "groups": groups,
            "showing": selectors.showing(item)}


def projected(item: AgendaItem, _=None) -> dict:
    """The plans of the department the facilitator chose (none: the item's own text)."""
    shown = selectors.showing(item)
    if shown.what != Showing.What.PLANS or shown.ref is None:
        return {"item": item}
    group = Group.objects.filter(pk=shown.ref).select_related("round__grouping").first()
    if group is None:
        return {"item": item}
    return {"item": item, "plans_group": group, "plans": plans_of(group)}


GROUP = Region("plans-group", f"{TEMPLATE}#group", Scope.GROUP, group_part)
TABLET = Region("plans-tablet", f"{TEMPLATE}#tablet", Scope.TABLETS, tablet)
PROJECTED = Region("plans-projected", "goals/plans/projector.html#shown", Scope.PROJECTOR,
                   projected)
REGIONS = (GROUP, TABLET, PROJECTED)
