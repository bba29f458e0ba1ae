"""An activity's live regions: declared once, rendered alike for a snapshot and for a push.

A region is one element that a screen swaps by id when a newer one arrives. Its
declaration names the element, the template partial that renders it, who sees it (its
`Scope`) and one context function. The activity kind puts its regions into the screens'
frames when a screen connects (a snapshot; program/activities.py); its services push
the same regions after a change (`publish`). Either way a region is rendered here: once
per language that a screen of its audience may be reading, with that language active.
"""

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from seminar.live import audiences, publishing
from seminar.live.control import RESYNC_OWN


def element(element_id: str, content: str, version: int, **data: str) -> SafeString:
    """A top-level live element of a frame, which static/js/live.js swaps by id.

    The contract with live.js, in one place (templates use it through `{% live_region %}`):
    - `data-version`: the room's version when rendered; an element never replaces a newer one;
    - `data-key`: an element whose key is unchanged is kept (a form someone is typing in);
    - `data-for="<mark>"` and `data-placeholder-for="<mark>"`: an empty placeholder from a
      room-wide frame gives way to (does not replace) an element rendered `for` the same
      item by a group's or a person's frame, so a room change never empties those parts.
    Keyword names take hyphens for underscores (`placeholder_for` → `data-placeholder-for`).
    """
    attributes = format_html_join("", ' data-{}="{}"', ((key.replace("_", "-"), value) for key, value in data.items()))
    return format_html('<div id="{}" data-version="{}"{}>{}</div>', element_id, version, attributes, mark_safe(content))


class Scope(enum.StrEnum):
    """Who sees a region, and where the snapshot puts it."""

    PHONES = enum.auto()  # every phone alike (inside #activity-live)
    GROUP = enum.auto()  # the phones of one group's members (inside #activity-group)
    PERSON = enum.auto()  # one phone (inside #activity-person); a push resyncs that phone's own part
    TABLETS = enum.auto()  # the facilitators (inside #activity-tablet)
    PROJECTOR = enum.auto()  # the projector (its context joins the kind's projector template)


# What a region is rendered for: the item (any object; the live layer does not look at
# it) and, for a group's or a person's region, that group or participant (None otherwise).
Context = Callable[[Any, Any], dict]


@dataclass(frozen=True)
class Region:
    """One live element of an activity.

    `element_id` is the id of the element `template` renders (for a region rendered once
    per group or person, the element's id is the same on every phone: each phone holds
    one). `context(item, target)` reads what the region shows; it is called once per
    push or snapshot, outside any language, so text is translated in the template.
    With `latest`, pushes of the region coalesce (`live.publish_latest`): only its newest
    state matters (a wall that fills with ideas).
    """

    element_id: str
    template: str
    scope: Scope
    context: Context
    latest: bool = False

    def render(self, item, target=None, request: HttpRequest | None = None, *,
               context: dict | None = None) -> str:
        """The region's HTML in the active language; a page load passes its request (CSRF)."""
        if context is None:
            context = self.context(item, target)
        return render_to_string(self.template, context, request=request)


def audience_prefix(scope: Scope, target=None) -> str:
    """The audience a region of `scope` goes to, without its language."""
    if scope is Scope.GROUP:
        return audiences.group_prefix(target.pk)
    return {Scope.PHONES: audiences.PARTICIPANT, Scope.TABLETS: audiences.FACILITATOR,
            Scope.PROJECTOR: audiences.PROJECTOR}[scope]


def frames(seminar_id: int, item, regions: Iterable[Region], target=None) -> Iterator[tuple[str, str]]:
    """Each region as (audience, frame) pairs: rendered once per language a screen of its
    audience may be reading, and not at all when none is listening (`publishing.listening`).

    A person's region is not rendered here: the person's phones are told to send their
    own part again (`RESYNC_OWN`), rendered in their language by their screen; without a
    target, every phone is (a change that each phone shows in its own way).
    """
    for region in regions:
        if region.scope is Scope.PERSON:
            if target is not None:
                yield audiences.person(target.pk), RESYNC_OWN
            else:
                for code in publishing.languages_listened(seminar_id, audiences.PARTICIPANT):
                    yield audiences.phones(code), RESYNC_OWN
            continue
        prefix = audience_prefix(region.scope, target)
        codes = publishing.languages_listened(seminar_id, prefix)
        if not codes:
            continue
        context = region.context(item, target)
        for code in codes:
            with translation.override(code):
                yield f"{prefix}-{code}", region.render(item, target, context=context)


def publish(seminar_id: int, item, regions: Iterable[Region], *, target=None,
            fresh: Callable[[Any], Any] | None = None) -> None:
    """After the current transaction commits, push `regions` of `item` to their screens.

    `fresh(item)`, when given, reads the item again after commit (its fields may have
    changed in the transaction). Regions declared `latest` go through
    `live.publish_latest` (one key per region, item and target); the others in commit order.
    """
    regions = list(regions)
    plain = [region for region in regions if not region.latest]

    def render(chosen: list[Region]):
        return lambda: frames(seminar_id, fresh(item) if fresh else item, chosen, target)

    if plain:
        publishing.publish(seminar_id, render(plain))
    for region in regions:
        if region.latest:
            key = f"{region.element_id}-{getattr(item, 'pk', item)}-{getattr(target, 'pk', '')}"
            publishing.publish_latest(seminar_id, key, render([region]))


def render_scope(regions: Iterable[Region], scope: Scope, item, target=None,
                 request: HttpRequest | None = None) -> str:
    """A snapshot's part: every region of `scope`, in declaration order, in the active language."""
    return mark_safe("".join(region.render(item, target, request) for region in regions if region.scope is scope))


def projector_context(regions: Iterable[Region], item) -> dict:
    """What the projector regions' templates need, merged for the kind's projector template."""
    context: dict = {}
    for region in regions:
        if region.scope is Scope.PROJECTOR:
            context.update(region.context(item, None))
    return context
