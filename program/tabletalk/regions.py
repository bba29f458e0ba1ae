"""Table talk's live regions: a table's cards, what the projector shows, the facilitator's overview.

Each carries the room's version (live.js keeps the newer of two) and coalesces: a burst
of cards renders each about once per LIVE_LATEST_EVERY_SECONDS, with the newest state.
"""

from program.ideas.selectors import version
from program.tabletalk import selectors
from seminar.live.regions import Region, Scope

TEMPLATE = "program/tabletalk/live.html"


def table(item, group) -> dict:
    return {**selectors.table_cards(item, group.pk), "version": version(item.day.seminar_id)}


def shown(item, _=None) -> dict:
    return {**selectors.shown(item), "version": version(item.day.seminar_id)}


def tablet(item, _=None) -> dict:
    return {**selectors.tablet(item), "version": version(item.day.seminar_id)}


TABLE = Region("table-cards", f"{TEMPLATE}#table", Scope.GROUP, table, latest=True)
SHOWN = Region("table-cards-shown", f"{TEMPLATE}#shown", Scope.PROJECTOR, shown, latest=True)
TABLET = Region("table-talk-tablet", f"{TEMPLATE}#tablet", Scope.TABLETS, tablet, latest=True)
REGIONS = (TABLE, SHOWN, TABLET)
