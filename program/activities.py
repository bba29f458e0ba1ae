"""The activity registry: each kind of agenda item says what the screens show while it is on.

Apps register their kinds in `AppConfig.ready()`. A new kind of activity is a new
registered `ActivityKind` (or subclass), never a new branch in a central `if`.

What a kind can give each screen:
- room-wide partials (`phone_template`, `projector_template`) rendered once per
  audience inside the room frame;
- live `regions` (seminar/live/regions.py): each declared once with its element id,
  template partial, scope (every phone, a group's phones, one phone, the tablets, the
  projector) and one context function. The screens' snapshots put them in place
  (`room_regions`, `group_regions`, `person_regions`, `tablet_regions`,
  `projector_context`); the kind's services push the same regions after a change with
  `push(item, *regions)`. Nothing renders a region any other way;
- `phone_panel(request, item, participant)`: the phone's personal forms, fetched over
  HTTP once per item, so that a push never wipes what someone is typing.

A kind in an app of its own brings the rest with it: its views (`urls`, a URLconf module
that the project includes, program/kind_urls.py) and its own fields in the program file
(`setting_names`, checked by `read_settings`, stored in AgendaItem.settings).
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from seminar.live import regions as live_regions
from seminar.live.regions import Region, Scope


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
    regions: tuple[Region, ...] = ()
    # A dotted URLconf module with its own `app_name` (its namespace), or "" for none.
    urls: str = ""
    # The kind's own fields in a program file's [[days.items]], in the order export writes them.
    setting_names: tuple[str, ...] = ()

    def read_settings(self, fields: dict, line_of: Callable[[str], int], problems: list) -> dict:
        """What AgendaItem.settings stores for the item, read from the program file.

        `fields` holds those of `setting_names` that the item has (perhaps none); each problem
        is appended to `problems` as (line, message), `line_of(name)` giving a field's line.
        """
        return {}

    def has_regions(self, scope: Scope) -> bool:
        return any(region.scope is scope for region in self.regions)

    # The snapshot's parts. Not overridden: a kind declares `regions` instead.
    def projector_context(self, item) -> dict:
        return live_regions.projector_context(self.regions, item)

    def room_regions(self, item, request: HttpRequest | None = None) -> str:
        """Every phone's regions (inside #activity-live)."""
        return live_regions.render_scope(self.regions, Scope.PHONES, item, None, request)

    def group_regions(self, item, group, request: HttpRequest | None = None) -> str:
        """The regions of one group's phones (inside #activity-group)."""
        return live_regions.render_scope(self.regions, Scope.GROUP, item, group, request)

    def person_regions(self, item, participant, request: HttpRequest | None = None) -> str:
        """One phone's own regions (its votes, a leader's controls; inside #activity-person)."""
        return live_regions.render_scope(self.regions, Scope.PERSON, item, participant, request)

    def tablet_regions(self, item, request: HttpRequest | None = None) -> str:
        """The facilitator's regions (inside #activity-tablet)."""
        return live_regions.render_scope(self.regions, Scope.TABLETS, item, None, request)

    def phone_panel(self, request: HttpRequest, item, participant) -> str:
        """The phone's personal forms, fetched over HTTP once per item."""
        return ""

    def timer_ran_out(self, item, ends_at) -> None:
        """The room's countdown for this item reached zero (program/timers.py).

        Called once per countdown that ran out (never for one paused, changed or left),
        in a transaction; a kind that acts on it must make a second call for the same
        `ends_at` harmless.
        """


def push(item, *regions: Region, target=None) -> None:
    """After commit, send `regions` of `item` to their screens (seminar/live/regions.py).

    `target` is the group of a group's regions, the participant of a person's. The item
    is read again after commit, so the push shows what was committed.
    """
    live_regions.publish(item.day.seminar_id, item, regions, target=target, fresh=_fresh)


def _fresh(item):
    return type(item).objects.select_related("day__seminar").get(pk=item.pk)


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
