"""The vernissage's live regions: a table's turn and hosts, the phone's marks, tablet, projector.

The turn and the phone's marks also keep the gallery pages live: they open the phone's
socket, so a visitor who becomes a host is told there, and their comment forms give way
when the vernissage is no longer on (the marks leave with the item).
"""

from program.ideas.selectors import version
from program.vernissage import selectors
from seminar.live.regions import Region, Scope

TEMPLATE = "program/vernissage/live.html"


def turn(item, group) -> dict:
    return {**selectors.turn_view(item, group), "version": version(item.day.seminar_id)}


def hosts(item, group) -> dict:
    return {**selectors.host_view(item, group), "version": version(item.day.seminar_id)}


def marks(item, participant) -> dict:
    """The phone's marks: who it is ("you host now" shows by it) and that the vernissage is on."""
    return {"item": item, "participant": participant}


def tablet(item, _=None) -> dict:
    return {**selectors.tablet(item), "version": version(item.day.seminar_id)}


def projector(item, _=None) -> dict:
    return {**selectors.projector(item), "item": item, "version": version(item.day.seminar_id)}


TURN = Region("gallery-turn", f"{TEMPLATE}#turn", Scope.GROUP, turn, latest=True)
HOSTS = Region("gallery-hosts", f"{TEMPLATE}#hosts", Scope.GROUP, hosts, latest=True)
MARKS = Region("my-marks", f"{TEMPLATE}#marks", Scope.PERSON, marks)
TABLET = Region("vernissage-tablet", f"{TEMPLATE}#tablet", Scope.TABLETS, tablet, latest=True)
ROTA = "program/vernissage/projector.html#rota"
PROJECTOR = Region("vernissage-projector", ROTA, Scope.PROJECTOR, projector)
REGIONS = (TURN, HOSTS, MARKS, TABLET, PROJECTOR)
