"""The live regions of the interview activities, rendered for a page load and for pushes.

One source per region: the activity kinds put them in the screens' frames, the
services push the same regions (by element id) when they change.
"""

from django.template.loader import render_to_string

from groups import selectors as group_selectors
from groups.models import Group
from interviews import selectors
from interviews.models import TAGS, Pick, TableCard
from program.models import AgendaItem


def table_interviews(item: AgendaItem, group: Group, request=None) -> str:
    """A table's interviews, for its members only (a group audience)."""
    interviews, missing = selectors.table_interviews(item, group)
    return render_to_string("interviews/table.html#interviews",
                            {"item": item, "group": group, "interviews": interviews, "missing": missing},
                            request=request)


def table_cards(item: AgendaItem, group: Group, request=None) -> str:
    cards = list(TableCard.objects.filter(item=item, group=group, hidden=False))
    context = {"item": item, "group": group,
               "threads": [card for card in cards if card.kind == TableCard.Kind.THREAD],
               "differences": [card for card in cards if card.kind == TableCard.Kind.DIFFERENCE]}
    return render_to_string("interviews/table.html#cards", context, request=request)


def tables_tablet(item: AgendaItem, request=None) -> str:
    """The facilitator's view of every table: interviews handed in, cards (with hide)."""
    round_ = group_selectors.round_for_item(item)
    tables = selectors.tables_overview(item, round_) if round_ else []
    return render_to_string("interviews/table.html#tablet",
                            {"item": item, "seminar": item.day.seminar, "round": round_, "tables": tables},
                            request=request)


def plenum_tablet(item: AgendaItem, request=None) -> str:
    picks = Pick.objects.filter(item=item).select_related("interview__author")
    seminar = item.day.seminar
    return render_to_string("interviews/plenum.html#tablet",
                            {"item": item, "seminar": seminar, "picks": picks, "tags": TAGS,
                             "counts": selectors.tag_counts(seminar)}, request=request)
