"""The brainstorm's live regions: the projector's wall, a table's ideas, the facilitator's list.

All three carry the room's version (live.js keeps the newer of two) and coalesce: a burst
of ideas renders each about once per LIVE_LATEST_EVERY_SECONDS, with the newest state.
"""

from program.ideas import selectors
from seminar.live.regions import Region, Scope


def wall(item, _=None) -> dict:
    return {**selectors.wall(item), "version": selectors.version(item.day.seminar_id)}


def table(item, group) -> dict:
    return {**selectors.table_ideas(item, group.pk), "version": selectors.version(item.day.seminar_id)}


def tablet(item, _=None) -> dict:
    return {**selectors.tablet(item), "version": selectors.version(item.day.seminar_id)}


WALL = Region("idea-wall", "program/ideas/wall.html#wall", Scope.PROJECTOR, wall, latest=True)
TABLE = Region("table-ideas", "program/ideas/live.html#table", Scope.GROUP, table, latest=True)
TABLET = Region("ideas-tablet", "program/ideas/live.html#tablet", Scope.TABLETS, tablet, latest=True)
REGIONS = (WALL, TABLE, TABLET)
