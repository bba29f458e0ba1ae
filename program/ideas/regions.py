"""The brainstorm's live regions: the projector's wall, a table's ideas, the facilitator's list.

All three carry the room's version (live.js keeps the newer of two) and coalesce: a burst
of ideas renders each about once per LIVE_LATEST_EVERY_SECONDS, with the newest state.
"""

from program.ideas import selectors
from seminar.live.regions import Region, Scope

TEMPLATE = "program/ideas/live.html"


def _seen(item) -> dict:
    return {"version": selectors.version(item.day.seminar_id)}


def wall(item, _=None) -> dict:
    return {**selectors.wall(item), **_seen(item)}


def table(item, group) -> dict:
    return {**selectors.table_ideas(item, group.pk), **_seen(item)}


def tablet(item, _=None) -> dict:
    return {**selectors.tablet(item), **_seen(item)}


WALL = Region("idea-wall", "program/ideas/wall.html#wall", Scope.PROJECTOR, wall, latest=True)
TABLE = Region("table-ideas", f"{TEMPLATE}#table", Scope.GROUP, table, latest=True)
TABLET = Region("ideas-tablet", f"{TEMPLATE}#tablet", Scope.TABLETS, tablet, latest=True)
REGIONS = (WALL, TABLE, TABLET)
