"""Shared goals (for the seminar's goal_year, if it has one): each big group writes its goal; in the plenum the room shakes hands on them."""

from django.template.loader import render_to_string

from goals.kinds import GoalsKind
from goals.models import Goal, Showing
from goals.selectors import group_for
from goals.shared_goals import screens
from goals.shared_goals.forms import GoalForm


def panel_context(item, participant, **extra) -> dict:
    group = group_for(item, participant)
    goal = screens.goal_of(group) if group else None
    return {"item": item, "seminar": item.day.seminar, "group": group, "goal": goal,
            "form": GoalForm.for_goal(goal, item.day.seminar), **extra}


class GoalKindBase(GoalsKind):
    projector_template = "goals/shared_goals/projector.html"
    projector_choices = frozenset({Showing.What.GOAL})

    def valid_ref(self, item, what, ref) -> bool:
        return Goal.objects.filter(pk=ref, seminar_id=item.day.seminar_id).exists()

    def projector_context(self, item) -> dict:
        return screens.projector_context(item)

    def tablet_regions(self, item, request=None) -> str:
        return screens.tablet_section(item, request)


class GoalWritingKind(GoalKindBase):
    def group_regions(self, item, group, request=None) -> str:
        return screens.group_section(item, group, request)

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string("goals/shared_goals/panel.html", panel_context(item, participant), request=request)


class GoalPlenumKind(GoalKindBase):
    has_panel = False

    def room_regions(self, item, request=None) -> str:
        return screens.plenum_section(item, request)

    def person_regions(self, item, participant, request=None) -> str:
        return screens.marks(item.day.seminar_id, participant.pk)
