"""The vernissage's live regions: a table's hosts and comments, who a phone is, the tablet, the projector."""

from program.ideas.selectors import version
from program.vernissage import selectors
from seminar.live.regions import Region, Scope

TEMPLATE = "program/vernissage/live.html"


def hosts(item, group) -> dict:
    return {**selectors.host_view(item, group), "version": version(item.day.seminar_id)}


def marks(item, participant) -> dict:
    """The phone's marks: the group's "you host now" / "go visiting" lines show by them."""
    return {"participant": participant}


def tablet(item, _=None) -> dict:
    return {**selectors.tablet(item), "version": version(item.day.seminar_id)}


def projector(item, _=None) -> dict:
    return {**selectors.projector(item), "item": item, "version": version(item.day.seminar_id)}


HOSTS = Region("gallery-hosts", f"{TEMPLATE}#hosts", Scope.GROUP, hosts, latest=True)
MARKS = Region("my-marks", f"{TEMPLATE}#marks", Scope.PERSON, marks)
TABLET = Region("vernissage-tablet", f"{TEMPLATE}#tablet", Scope.TABLETS, tablet, latest=True)
PROJECTOR = Region("vernissage-projector", "program/vernissage/projector.html#rota", Scope.PROJECTOR, projector)
REGIONS = (HOSTS, MARKS, TABLET, PROJECTOR)
