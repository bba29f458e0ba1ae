"""What the commitments show: the tablet's overview and the projector's message or Monday summary."""

from django.template.loader import render_to_string

from goals import selectors
from goals.models import Commitment, ManagementMessage, Showing
from program.models import AgendaItem


def monday_actions(seminar_id: int, *, with_hidden: bool = False):
    """The Monday actions leaders chose to share with the room (without their names)."""
    rows = Commitment.objects.filter(seminar_id=seminar_id, share_monday=True).order_by("updated_at", "pk")
    return rows if with_hidden else rows.filter(hidden=False)


def management_message(seminar_id: int) -> ManagementMessage | None:
    return ManagementMessage.objects.filter(seminar_id=seminar_id).first()


def tablet_section(item: AgendaItem, request=None) -> str:
    seminar_id = item.day.seminar_id
    context = {"item": item, "seminar": item.day.seminar, "showing": selectors.showing(item),
               "actions": monday_actions(seminar_id, with_hidden=True),
               "written": Commitment.objects.filter(seminar_id=seminar_id).count(),
               "message": management_message(seminar_id)}
    return render_to_string("goals/commitments/live.html#tablet", context, request=request)


def projector_context(item: AgendaItem) -> dict:
    shown = selectors.showing(item)
    if shown.what == Showing.What.MANAGEMENT:
        message = management_message(item.day.seminar_id)
        return {"management": message if message and not message.hidden else None, "showing_what": shown.what}
    if shown.what == Showing.What.MONDAY:
        return {"actions": list(monday_actions(item.day.seminar_id)), "showing_what": shown.what}
    return {}
