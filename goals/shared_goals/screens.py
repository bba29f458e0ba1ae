"""What the shared goals show: the group's goal, the plenum list, the tablet, the projector's handshakes."""

from django.template.loader import render_to_string

from goals import selectors
from goals.models import Goal, Handshake, Showing
from groups.models import Group
from program.models import AgendaItem, LiveState

KINDS = ("goal_writing", "goal_plenum")


def goal_of(group: Group) -> Goal | None:
    return Goal.objects.filter(group=group).first()


def group_section(item: AgendaItem, group: Group, request=None) -> str:
    return render_to_string("goals/shared_goals/live.html#group",
                            {"item": item, "seminar": item.day.seminar, "group": group, "goal": goal_of(group)}, request=request)


def goals_of(seminar_id: int, *, with_hidden: bool = False):
    goals = Goal.objects.filter(seminar_id=seminar_id).in_order()
    return goals if with_hidden else goals.visible()


def plenum_section(item: AgendaItem, request=None) -> str:
    """Every phone's list of goals with a handshake button each (the marks are personal)."""
    return render_to_string("goals/shared_goals/live.html#plenum",
                            {"item": item, "seminar": item.day.seminar, "goals": goals_of(item.day.seminar_id)},
                            request=request)


def my_handshakes(seminar_id: int, participant_id: int) -> list[int]:
    return list(Handshake.objects.filter(goal__seminar_id=seminar_id, participant_id=participant_id)
                .values_list("goal_id", flat=True))


def marks(seminar_id: int, participant_id: int) -> str:
    return render_to_string("goals/shared_goals/live.html#marks",
                            {"shaken": my_handshakes(seminar_id, participant_id)})


def tablet_section(item: AgendaItem, request=None) -> str:
    goals = list(goals_of(item.day.seminar_id, with_hidden=True).prefetch_related("handshakes"))
    context = {"item": item, "seminar": item.day.seminar, "goals": goals, "showing": selectors.showing(item)}
    return render_to_string("goals/shared_goals/live.html#tablet", context, request=request)


def shown_goal(item: AgendaItem) -> Goal | None:
    shown = selectors.showing(item)
    if shown.what != Showing.What.GOAL or shown.ref is None:
        return None
    return Goal.objects.filter(pk=shown.ref, seminar_id=item.day.seminar_id, hidden=False).select_related("group").first()


def handshakes_box(goal: Goal) -> str:
    hands = list(goal.handshakes.select_related("participant").order_by("created_at", "pk"))
    return render_to_string("goals/shared_goals/live.html#handshakes", {"goal": goal, "hands": hands})


def projector_context(item: AgendaItem) -> dict:
    goal = shown_goal(item)
    return {"goal": goal, "seminar": item.day.seminar, "handshakes": handshakes_box(goal) if goal else ""}


def current_item(seminar_id: int) -> AgendaItem | None:
    state = LiveState.objects.filter(seminar_id=seminar_id).select_related("item__day").first()
    item = state.item if state else None
    return item if item is not None and item.kind in KINDS else None
