"""From the whole to my unit: each department group's plan for each locked goal."""

from django.template.loader import render_to_string

from goals.kinds import GoalsKind
from goals.models import Showing
from goals.plans import regions
from goals.plans.forms import PlanForm
from goals.selectors import group_for
from groups import selectors as group_selectors


def plan_forms(item, participant, *, replace: dict | None = None) -> list[dict]:
    """One form per locked goal; `replace` maps a goal id to the form (and notes) of a send."""
    group = group_for(item, participant)
    if group is None:
        return []
    rows = []
    for goal, plan in regions.plans_of(group, with_hidden=True):
        row = {"goal": goal, "form": PlanForm.for_plan(plan, goal.pk, item.day.seminar)}
        row.update((replace or {}).get(goal.pk, {}))
        rows.append(row)
    return rows


def panel_context(item, participant, **extra) -> dict:
    return {
        "item": item,
        "seminar": item.day.seminar,
        "group": group_for(item, participant),
        "rows": plan_forms(item, participant, replace=extra.pop("replace", None)),
        **extra,
    }


class DepartmentPlansKind(GoalsKind):
    projector_template = "goals/plans/projector.html"
    projector_choices = frozenset({Showing.What.PLANS})
    regions = regions.REGIONS

    def valid_ref(self, item, what, ref) -> bool:
        round_ = group_selectors.round_for_item(item)
        return round_ is not None and round_.groups.filter(pk=ref).exists()

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string(
            "goals/plans/panel.html", panel_context(item, participant), request=request
        )
