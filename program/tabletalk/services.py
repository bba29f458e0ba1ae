"""Table talk: members send cards to their table; the facilitator chooses what the projector shows.

A card reaches its table's phones, the facilitators' overview and, when the projector
shows that table (or every table), the projector.
"""

from django.db import IntegrityError, transaction

from groups import selectors as group_selectors
from groups.models import Group
from program import activities
from program.models import AgendaItem, TableCard, TableTalkShow
from program.tabletalk import regions, selectors
from seminar.models import Participant
from seminar.submissions import check_pace

KIND = "table_talk"


class NotOpen(Exception):
    """Cards are not being taken for this item (another kind, or another seminar)."""


class NoTable(Exception):
    """The person has no table in this item's round."""


def _on_projector(item: AgendaItem, group_id: int | None) -> bool:
    state = selectors.show_state(item)
    return state.mode == TableTalkShow.Mode.ALL or (
        state.mode == TableTalkShow.Mode.TABLE and state.group_id == group_id
    )


def _publish(item: AgendaItem, group: Group | None, projector: bool) -> None:
    """The table's cards (if a table's changed), the overview and, if it changed, the
    projector's."""
    if group is not None:
        activities.push(item, regions.TABLE, target=group)
    activities.push(item, regions.TABLET, *([regions.SHOWN] if projector else []))


@transaction.atomic
def submit_card(*, item: AgendaItem, author: Participant, kind: str, text: str, key) -> TableCard:
    """Save a card for the author's table (once per key).

    Publishes the table's cards to its members' phones, the overview to the facilitators
    and, if the projector shows this table or every table, the projector's cards.
    """
    if item.kind != KIND or item.day.seminar_id != author.seminar_id:
        raise NotOpen
    existing = TableCard.objects.filter(author=author, key=key).first()
    if existing is not None:
        return existing
    group = group_selectors.group_for_item(author.pk, item)
    if group is None:
        raise NoTable
    check_pace(author.pk, "card")
    try:
        with transaction.atomic():
            card = TableCard.objects.create(
                item=item, group=group, author=author, kind=kind, text=text.strip(), key=key
            )
    except IntegrityError:  # the same key raced in from a retried request
        return TableCard.objects.get(author=author, key=key)
    _publish(item, group, _on_projector(item, group.pk))
    return card


@transaction.atomic
def show_cards(*, item: AgendaItem, mode: str, group: Group | None = None) -> TableTalkShow:
    """Put one table's cards, every table's cards by kind, or nothing on the projector."""
    if mode == TableTalkShow.Mode.TABLE and (
        group is None or group.round.grouping_id != item.grouping_id
    ):
        raise NotOpen
    state, _ = TableTalkShow.objects.select_for_update().get_or_create(item=item)
    state.mode = mode
    state.group = group if mode == TableTalkShow.Mode.TABLE else None
    state.save()
    _publish(item, None, projector=True)
    return state


@transaction.atomic
def set_card_hidden(*, card: TableCard, hidden: bool = True) -> None:
    """Take a card off every screen (kept for the report), or put it back."""
    TableCard.objects.filter(pk=card.pk).update(hidden=hidden)
    _publish(card.item, card.group, _on_projector(card.item, card.group_id))
