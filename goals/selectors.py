"""Reads the goals app's activities share: who sits where, what the projector shows."""

from goals.models import Showing
from groups import selectors as group_selectors
from groups.models import Group
from program.models import AgendaItem
from seminar.models import Participant


def showing(item: AgendaItem) -> Showing:
    """What the item's activity shows now (an unsaved empty choice when none was made)."""
    return Showing.objects.filter(item=item).first() or Showing(item=item)


def group_for(item: AgendaItem, participant: Participant) -> Group | None:
    """The participant's group in the round the item uses (None outside it, or unpublished)."""
    return group_selectors.group_for_item(participant.pk, item)


def members(group: Group) -> list[Participant]:
    return next((people for g, people in group_selectors.round_members(group.round) if g.pk == group.pk), [])


def is_member(group: Group, participant: Participant) -> bool:
    return group.memberships.filter(participant=participant).exists()

