"""The activity registry: each kind of agenda item says what the screens show while it is on.

Apps register their kinds in `AppConfig.ready()`. A new kind of activity is a new
registered `ActivityKind` (or subclass), never a new branch in a central `if`.

What a kind can give each screen:
- room-wide partials (`phone_template`, `projector_template`) rendered once per
  audience inside the room frame, with `projector_context(item)` for the projector;
- live regions: `room_regions` (every phone), `group_regions` (one group's phones),
  `person_regions` (one phone, snapshot only) and `tablet_regions`; the app's
  services push the same regions, by element id, when they change (a page load
  passes the request, so that its forms carry a CSRF token for use without script);
- `phone_panel(request, item, participant)`: the phone's personal forms, fetched over
  HTTP once per item, so that a push never wipes what someone is typing.
"""

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ActivityKind:
    phone_template = "program/kinds/default_phone.html"
    projector_template = "program/kinds/default_projector.html"

    def __init__(self, key: str, label: str | Promise, *, interactive: bool = False,
                 phone_template: str | None = None, projector_template: str | None = None) -> None:
        self.key = key
        self.label = label
        self.interactive = interactive
        if phone_template:
            self.phone_template = phone_template
        if projector_template:
            self.projector_template = projector_template

    def __repr__(self) -> str:
        return f"<ActivityKind {self.key}>"

    has_panel = False

    def projector_context(self, item) -> dict:
        return {}

    def room_regions(self, item, request: HttpRequest | None = None) -> str:
        """Live regions every phone shows alike (inside #activity-live)."""
        return ""

    def group_regions(self, item, group, request: HttpRequest | None = None) -> str:
        """Live regions for the members of one group (inside #activity-group)."""
        return ""

    def person_regions(self, item, participant, request: HttpRequest | None = None) -> str:
        """One phone's own live state (its votes), sent in its snapshot only."""
        return ""

    def phone_panel(self, request: HttpRequest, item, participant) -> str:
        """The phone's personal forms, fetched over HTTP once per item."""
        return ""

    def tablet_regions(self, item, request: HttpRequest | None = None) -> str:
        """The facilitator's controls for the activity (inside #activity-tablet)."""
        return ""

    def timer_ran_out(self, item, ends_at) -> None:
        """The room's countdown for this item reached zero (program/timers.py).

        Called once per countdown that ran out (never for one paused, changed or left),
        in a transaction; a kind that acts on it must make a second call for the same
        `ends_at` harmless.
        """


_REGISTRY: dict[str, ActivityKind] = {}


def register(kind: ActivityKind) -> ActivityKind:
    if kind.key in _REGISTRY and _REGISTRY[kind.key] is not kind:
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

# The rest of the vision morning's activities; until their interaction lands, the
# screens show the item's title and text.
VISION_KINDS = [
]
