"""The commitments' live regions and what they read: the tablet's overview, the projector's
message from management or the room's Monday actions."""

from goals import selectors
from goals.models import Commitment, ManagementMessage, Showing
from program.models import AgendaItem
from seminar.live.regions import Region, Scope


def monday_actions(seminar_id: int, *, with_hidden: bool = False):
    """The Monday actions leaders chose to share with the room (without their names)."""
    rows = (Commitment.objects.filter(seminar_id=seminar_id, share_monday=True)
            .order_by("updated_at", "pk"))
    return rows if with_hidden else rows.filter(hidden=False)


def management_message(seminar_id: int) -> ManagementMessage | None:
    return ManagementMessage.objects.filter(seminar_id=seminar_id).first()


def tablet(item: AgendaItem, _=None) -> dict:
    seminar_id = item.day.seminar_id
    return {"item": item, "seminar": item.day.seminar, "showing": selectors.showing(item),
            "actions": monday_actions(seminar_id, with_hidden=True),
            "written": Commitment.objects.filter(seminar_id=seminar_id).count(),
            "message": management_message(seminar_id)}


def projected(item: AgendaItem, _=None) -> dict:
    """Management's message or the Monday actions, as chosen (none: the item's own text)."""
    shown = selectors.showing(item)
    if shown.what == Showing.What.MANAGEMENT:
        message = management_message(item.day.seminar_id)
        return {"item": item, "showing_what": shown.what,
                "management": message if message and not message.hidden else None}
    if shown.what == Showing.What.MONDAY:
        return {"item": item, "showing_what": shown.what,
                "actions": list(monday_actions(item.day.seminar_id))}
    return {"item": item}


TABLET = Region("commitments-tablet", "goals/commitments/live.html#tablet", Scope.TABLETS, tablet)
PROJECTED = Region("commitments-projected", "goals/commitments/projector.html#shown",
                   Scope.PROJECTOR, projected)
REGIONS = (TABLET, PROJECTED)
