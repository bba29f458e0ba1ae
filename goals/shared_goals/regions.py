"""The shared goals' live regions and what they read.

A group's goal, the plenum's list, a phone's handshakes, the tablet, the projector's goal
and its handshakes.
"""

from goals import selectors
from goals.models import Goal, Handshake, Showing
from groups.models import Group
from program.models import AgendaItem, LiveState
from seminar.live.regions import Region, Scope

KINDS = ("goal_writing", "goal_plenum")
TEMPLATE = "goals/shared_goals/live.html"


def goal_of(group: Group) -> Goal | None:
    return Goal.objects.filter(group=group).first()


def goals_of(seminar_id: int, *, with_hidden: bool = False):
    goals = Goal.objects.filter(seminar_id=seminar_id).in_order()
    return goals if with_hidden else goals.visible()


def shown_goal(item: AgendaItem) -> Goal | None:
    shown = selectors.showing(item)
    if shown.what != Showing.What.GOAL or shown.ref is None:
        return None
    return (Goal.objects.filter(pk=shown.ref, seminar_id=item.day.seminar_id, hidden=False)
            .select_related("group").first())


def current_item(seminar_id: int) -> AgendaItem | None:
    """The item on now, when it is one of the shared goals' kinds."""
    state = LiveState.objects.filter(seminar_id=seminar_id).select_related("item__day").first()
    item = state.item if state else None
    return item if item is not None and item.kind in KINDS else None


def group(item: AgendaItem, group: Group) -> dict:
    return {"item": item, "seminar": item.day.seminar, "group": group, "goal": goal_of(group)}


def plenum(item: AgendaItem, _=None) -> dict:
    """Every phone's list of goals with a handshake button each (the marks are personal)."""
    return {"item": item, "seminar": item.day.seminar, "goals": goals_of(item.day.seminar_id)}


def marks(_item, participant) -> dict:
    """The goals the participant shook hands on, in their seminar.

    Handshakes are only ever added, so their number versions the marks: a phone keeps
    newer marks than a frame brings (static/js/live.js), such as an own part rendered
    before a tap and arriving after the tap's answer (1, not 0: a version is never 0).
    """
    shaken = list(Handshake.objects.filter(goal__seminar_id=participant.seminar_id,
                                           participant_id=participant.pk)
                  .values_list("goal_id", flat=True))
    return {"shaken": shaken, "version": len(shaken) + 1}


def tablet(item: AgendaItem, _=None) -> dict:
    goals = list(goals_of(item.day.seminar_id, with_hidden=True).prefetch_related("handshakes"))
    return {"item": item, "seminar": item.day.seminar, "goals": goals,
            "showing": selectors.showing(item)}


def projected(item: AgendaItem, _=None) -> dict:
    """The goal on the projector (None: the item's own text) and its handshakes, oldest first."""
    goal = shown_goal(item)
    hands = (list(goal.handshakes.select_related("participant").order_by("created_at", "pk"))
             if goal else [])
    return {"item": item, "seminar": item.day.seminar, "goal": goal, "hands": hands}


GROUP = Region("goal-group", f"{TEMPLATE}#group", Scope.GROUP, group)
PLENUM = Region("goals-plenum", f"{TEMPLATE}#plenum", Scope.PHONES, plenum)
MARKS = Region("my-marks", f"{TEMPLATE}#marks", Scope.PERSON, marks)
TABLET = Region("goals-tablet", f"{TEMPLATE}#tablet", Scope.TABLETS, tablet)
PROJECTED = Region("projected-goal", "goals/shared_goals/projector.html#goal", Scope.PROJECTOR,
                   projected)
# Inside PROJECTED: a handshake pushes only this box (its count is announced politely).
HANDSHAKES = Region("goal-handshakes", f"{TEMPLATE}#handshakes", Scope.PROJECTOR, projected)
WRITING_REGIONS = (GROUP, TABLET, PROJECTED, HANDSHAKES)
PLENUM_REGIONS = (PLENUM, MARKS, TABLET, PROJECTED, HANDSHAKES)
