"""The activity registry: each kind of agenda item says what the screens show while it is on.

Apps register their kinds in `AppConfig.ready()`. A new kind of activity is a new
registered `ActivityKind`, never a new branch in a central `if`.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ActivityKind:
    key: str
    label: str | Promise
    interactive: bool = False
    # Partials rendered inside the phone's and the projector's "now" region.
    phone_template: str = "program/kinds/default_phone.html"
    projector_template: str = "program/kinds/default_projector.html"


_REGISTRY: dict[str, ActivityKind] = {}


def register(kind: ActivityKind) -> ActivityKind:
    if kind.key in _REGISTRY and _REGISTRY[kind.key] != kind:
        raise ValueError(f"activity kind {kind.key!r} is registered twice")
    _REGISTRY[kind.key] = kind
    return kind


def get(key: str) -> ActivityKind:
    """The registered kind, or the plain information kind for an unknown key."""
    return _REGISTRY.get(key) or _REGISTRY["info"]


def is_registered(key: str) -> bool:
    return key in _REGISTRY


def all_kinds() -> list[ActivityKind]:
    return sorted(_REGISTRY.values(), key=lambda k: k.key)


PASSIVE_KINDS = [
    ActivityKind("info", _("Information")),
    ActivityKind("talk", _("Talk")),
    ActivityKind("plenary_interview", _("Plenary interview")),
    ActivityKind("break", _("Break"), phone_template="program/kinds/break_phone.html"),
    ActivityKind("meal", _("Meal"), phone_template="program/kinds/break_phone.html"),
    ActivityKind(
        "offsite",
        _("Off site"),
        phone_template="program/kinds/offsite_phone.html",
        projector_template="program/kinds/offsite_projector.html",
    ),
]

# The vision morning's activities; their interaction arrives with their own issue,
# until then the screens show the item's title and text.
VISION_KINDS = [
    ActivityKind("questions", _("Questions from the room"), interactive=True),
    ActivityKind("table_talk", _("Table talk"), interactive=True),
    ActivityKind("brainstorm", _("Brainstorm"), interactive=True),
    ActivityKind("vernissage", _("Vernissage"), interactive=True),
    ActivityKind("soapbox", _("Soapbox"), interactive=True),
]
