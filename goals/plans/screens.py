"""What the department plans show: a department group's plans, the tablet, the projector."""

from django.template.loader import render_to_string

from goals import selectors
from goals.models import DepartmentPlan, Goal, Showing
from groups import selectors as group_selectors
from groups.models import Group
from program.models import AgendaItem


def locked_goals(seminar_id: int) -> list[Goal]:
    return list(Goal.objects.filter(seminar_id=seminar_id).locked().visible().in_order())


def plans_of(group: Group, *, with_hidden: bool = False) -> list[tuple[Goal, DepartmentPlan | None]]:
    """(goal, this group's plan or None) for every locked goal."""
    plans = DepartmentPlan.objects.filter(group=group)
    if not with_hidden:
        plans = plans.filter(hidden=False)
    by_goal = {plan.goal_id: plan for plan in plans}
    return [(goal, by_goal.get(goal.pk)) for goal in locked_goals(group.round.grouping.seminar_id)]


def group_section(item: AgendaItem, group: Group, request=None) -> str:
    return render_to_string("goals/plans/live.html#group",
                            {"item": item, "group": group, "plans": plans_of(group)}, request=request)


def tablet_section(item: AgendaItem, request=None) -> str:
    round_ = group_selectors.round_for_item(item)
    groups = [(group, plans_of(group, with_hidden=True)) for group in round_.groups.order_by("number")] if round_ else []
    context = {"item": item, "seminar": item.day.seminar, "groups": groups, "showing": selectors.showing(item)}
    return render_to_string("goals/plans/live.html#tablet", context, request=request)


def projector_context(item: AgendaItem) -> dict:
    shown = selectors.showing(item)
    if shown.what != Showing.What.PLANS or shown.ref is None:
        return {}
    group = Group.objects.filter(pk=shown.ref).select_related("round__grouping").first()
    return {"plans_group": group, "plans": plans_of(group)} if group else {}
