"""Reads for the table talk's screens: a table's cards, what the projector shows, the overview."""

from django.db.models import Count, Q

from groups import selectors as group_selectors
from program.models import AgendaItem, TableCard, TableTalkShow


def by_kind(cards) -> dict:
    cards = list(cards)
    return {"possibilities": [c for c in cards if c.kind == TableCard.Kind.POSSIBILITY],
            "challenges": [c for c in cards if c.kind == TableCard.Kind.CHALLENGE]}


def table_cards(item: AgendaItem, group_id: int) -> dict:
    return {"item": item, **by_kind(TableCard.objects.filter(item=item, group_id=group_id).visible())}


def show_state(item: AgendaItem) -> TableTalkShow:
    return TableTalkShow.objects.filter(item=item).select_related("group").first() or TableTalkShow(item=item)


def shown(item: AgendaItem) -> dict:
    """The cards the projector shows: one table's, every table's (by kind), or none."""
    state = show_state(item)
    cards = TableCard.objects.none()
    if state.mode == TableTalkShow.Mode.TABLE and state.group_id:
        cards = TableCard.objects.filter(item=item, group_id=state.group_id)
    elif state.mode == TableTalkShow.Mode.ALL:
        cards = TableCard.objects.filter(item=item).order_by("group__number", "created_at")
    return {"item": item, "show": state, **by_kind(cards.visible().select_related("group"))}


# The tablet lists the newest cards; the complete list is a page of its own (paged).
LATEST = 30


def tablet(item: AgendaItem) -> dict:
    """Every table with how many cards of each kind it has, and what the projector shows."""
    round_ = group_selectors.round_for_item(item)
    tables = []
    if round_ is not None:
        visible = Q(table_cards__item=item, table_cards__hidden=False)
        tables = round_.groups.order_by("number").annotate(
            possibilities=Count("table_cards", filter=visible & Q(table_cards__kind=TableCard.Kind.POSSIBILITY)),
            challenges=Count("table_cards", filter=visible & Q(table_cards__kind=TableCard.Kind.CHALLENGE)))
    cards = TableCard.objects.filter(item=item)
    latest = cards.select_related("author", "group").order_by("-pk")[:LATEST]
    return {"item": item, "seminar": item.day.seminar, "tables": list(tables), "show": show_state(item),
            "latest": list(latest), "total": cards.count()}
