"""The live regions of the interview activities, each declared once for the snapshot and the push.

The tables: a table's interviews and its cards (its members' phones), the facilitators'
overview of every table. The plenum: the facilitators' picks and the interview on the
projector.
"""

from groups import selectors as group_selectors
from groups.models import Group
from interviews import selectors
from interviews.models import TAGS, Interview, Pick, TableCard
from program.models import AgendaItem
from seminar.live.regions import Region, Scope

TABLE = "interviews/table.html"


def table_interviews(item: AgendaItem, group: Group) -> dict:
    """A table's interviews, for its members only."""
    interviews, missing = selectors.table_interviews(item, group)
    return {"item": item, "group": group, "interviews": interviews, "missing": missing}


def table_cards(item: AgendaItem, group: Group) -> dict:
    cards = list(TableCard.objects.filter(item=item, group=group, hidden=False))
    return {"item": item, "group": group,
            "threads": [card for card in cards if card.kind == TableCard.Kind.THREAD],
            "differences": [card for card in cards if card.kind == TableCard.Kind.DIFFERENCE]}


def tables_tablet(item: AgendaItem, _=None) -> dict:
    """The facilitator's view of every table: interviews handed in, cards (with hide)."""
    round_ = group_selectors.round_for_item(item)
    tables = selectors.tables_overview(item, round_) if round_ else []
    return {"item": item, "seminar": item.day.seminar, "round": round_, "tables": tables}


def plenum_tablet(item: AgendaItem, _=None) -> dict:
    seminar = item.day.seminar
    picks = Pick.objects.filter(item=item).select_related("interview__author")
    return {"item": item, "seminar": seminar, "picks": picks, "tags": TAGS,
            "counts": selectors.tag_counts(seminar)}


def projected(item: AgendaItem, _=None) -> dict:
    """The interview on the projector, if one is (never a hidden or held-back one)."""
    shown = (Pick.objects.filter(item=item, on_screen=True,
                                 interview__in=Interview.objects.visible())
             .select_related("interview__author").first())
    return {"item": item, "interview_pick": shown}


TABLE_INTERVIEWS = Region("interview-table", f"{TABLE}#interviews", Scope.GROUP, table_interviews)
TABLE_CARDS = Region("interview-cards", f"{TABLE}#cards", Scope.GROUP, table_cards)
TABLES_TABLET = Region("interview-tables-tablet", f"{TABLE}#tablet", Scope.TABLETS, tables_tablet)
TABLES = (TABLE_INTERVIEWS, TABLE_CARDS, TABLES_TABLET)

PLENUM_TABLET = Region("interview-plenum-tablet", "interviews/plenum.html#tablet", Scope.TABLETS,
                       plenum_tablet)
PROJECTED = Region("projected-interview", "interviews/projector.html#projected", Scope.PROJECTOR,
                   projected)
PLENUM = (PLENUM_TABLET, PROJECTED)
