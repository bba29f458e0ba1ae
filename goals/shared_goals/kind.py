"""Shared goals (for the seminar's goal_year, if it has one): each big group writes its goal; in the
plenum the room shakes hands on them."""

from django.template.loader import render_to_string

from goals.kinds import GoalsKind
from goals.models import Goal, Showing
from goals.selectors import group_for
from goals.shared_goals import regions
from goals.shared_goals.forms import GoalForm


def panel_context(item, participant, **extra) -> dict:
    group = group_for(item, participant)
    goal = regions.goal_of(group) if group else None
    return {
        "item": item,
        "seminar": item.day.seminar,
        "group": group,
        "goal": goal,
        "form": GoalForm.for_goal(goal, item.day.seminar),
        **extra,
    }


class GoalKindBase(GoalsKind):
    projector_template = "goals/shared_goals/projector.html"
    projector_choices = frozenset({Showing.What.GOAL})

    def valid_ref(self, item, what, ref) -> bool:
        return Goal.objects.filter(pk=ref, seminar_id=item.day.seminar_id).exists()


class GoalWritingKind(GoalKindBase):
    regions = regions.WRITING_REGIONS

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string(
            "goals/shared_goals/panel.html", panel_context(item, participant), request=request
        )


class GoalPlenumKind(GoalKindBase):
    has_panel = False
    regions = regions.PLENUM_REGIONS
