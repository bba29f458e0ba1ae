"""The vernissage: visits, reactions and comments at a table's gallery; the host rota; the
closing remarks.

A table's members (its hosts in particular) see on their phones, live, how many visitors
are at their gallery now and the comments arriving. The facilitator moves the host rota
on (announced on the projector and every phone) and shows the closing remarks.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from groups import selectors as group_selectors
from groups.models import Group
from program import activities
from program.models import AgendaItem, Comment, GalleryVisit, Idea, Reaction, Vernissage
from program.vernissage import regions, selectors
from seminar.models import Participant
from seminar.submissions import check_pace

KIND = "vernissage"


class NotOpen(Exception):
    """Not possible here: another kind of item, another seminar, a hidden idea."""


class NotOn(Exception):
    """The vernissage is not what the room is at now: its galleries take no comments."""


def _publish_hosts(item: AgendaItem, group: Group | None) -> None:
    """A table's host view on its members' phones (coalescing: newest state only)."""
    if group is not None:
        activities.push(item, regions.HOSTS, target=group)


def _publish_tablet(item: AgendaItem) -> None:
    activities.push(item, regions.TABLET)


def _publish_turn(item: AgendaItem) -> None:
    """A new turn: the projector's rota, the tablet, and every table's hosts on its phones."""
    activities.push(item, regions.PROJECTOR, regions.TABLET)
    round_ = group_selectors.round_for_item(item)
    for group in round_.groups.all() if round_ is not None else ():
        activities.push(item, regions.TURN, regions.HOSTS, target=group)


def _check(item: AgendaItem, person: Participant, idea: Idea | None = None) -> None:
    if item.kind != KIND or item.day.seminar_id != person.seminar_id:
        raise NotOpen
    if idea is not None and (idea.hidden or idea.item.day.seminar_id != person.seminar_id):
        raise NotOpen


@transaction.atomic
def note_visit(*, item: AgendaItem, group: Group, visitor: Participant) -> None:
    """Record that a visitor is at a table's gallery now (their one current gallery).

    Publishes the visitor count to the hosts of this table and of the one they left.
    """
    _check(item, visitor)
    left = GalleryVisit.objects.filter(item=item, visitor=visitor).select_related("group").first()
    GalleryVisit.objects.update_or_create(
        item=item, visitor=visitor, defaults={"group": group, "seen_at": timezone.now()}
    )
    _publish_hosts(item, group)
    if left is not None and left.group_id != group.pk:
        _publish_hosts(item, left.group)


@transaction.atomic
def react(*, item: AgendaItem, idea: Idea, visitor: Participant, kind: str) -> str | None:
    """Set the visitor's one reaction to an idea; the same reaction again takes it back.

    Returns the reaction that now stands. Publishes the table's host view.
    """
    _check(item, visitor, idea)
    if kind not in Reaction.Kind.values:
        raise NotOpen
    current = Reaction.objects.select_for_update().filter(idea=idea, visitor=visitor).first()
    if current is not None and current.kind == kind:
        current.delete()
        now = None
    else:
        Reaction.objects.update_or_create(idea=idea, visitor=visitor, defaults={"kind": kind})
        now = kind
    _publish_hosts(item, idea.group)
    return now


@transaction.atomic
def comment(*, item: AgendaItem, idea: Idea, author: Participant, text: str, key) -> Comment:
    """Save a short comment on an idea (once per key); it reaches the table's phones and tablets.

    Taken only while the vernissage is the room's current item (raises NotOn); a retry of
    one saved before returns it.
    """
    _check(item, author, idea)
    existing = Comment.objects.filter(author=author, key=key).first()
    if existing is not None:
        return existing
    if not selectors.is_on(item):
        raise NotOn
    check_pace(author.pk, "comment")
    try:
        with transaction.atomic():
            saved = Comment.objects.create(idea=idea, author=author, text=text.strip(), key=key)
    except IntegrityError:  # the same key raced in from a retried request
        return Comment.objects.get(author=author, key=key)
    _publish_hosts(item, idea.group)
    _publish_tablet(item)
    return saved


@transaction.atomic
def set_comment_hidden(*, item: AgendaItem, comment: Comment, hidden: bool) -> None:
    """Take a comment off every screen (kept for the report), or show it again."""
    Comment.objects.filter(pk=comment.pk).update(hidden=hidden)
    _publish_hosts(item, comment.idea.group)
    _publish_tablet(item)


def hide_comment(*, item: AgendaItem, comment: Comment) -> None:
    set_comment_hidden(item=item, comment=comment, hidden=True)


@transaction.atomic
def next_turn(*, item: AgendaItem) -> Vernissage:
    """Move the host rota on by one turn: every table gets its next hosts.

    Publishes the projector's rota, the tablet and each table's hosts: the projector
    announces the turn, each phone shows "you host now" or "go visiting".
    """
    state, _ = Vernissage.objects.select_for_update().get_or_create(item=item)
    state.turn += 1
    state.save(update_fields=["turn"])
    _publish_turn(item)
    return state


@transaction.atomic
def move_by_timer(*, item: AgendaItem, ends_at) -> bool:
    """The room's countdown ran out: the rota moves on, once per countdown, while turns remain."""
    state, _ = Vernissage.objects.select_for_update().get_or_create(item=item)
    if state.moved_by_timer_at == ends_at or state.turn + 1 >= state.turns:
        return False
    state.moved_by_timer_at = ends_at
    state.turn += 1
    state.save(update_fields=["turn", "moved_by_timer_at"])
    _publish_turn(item)
    return True


@transaction.atomic
def show_closing(*, item: AgendaItem, text: str, shown: bool) -> Vernissage:
    """Save the closing remarks and put them on the projector (or take them off).

    Publishes the projector and the tablet (whose closing form takes the saved text).
    """
    state, _ = Vernissage.objects.select_for_update().get_or_create(item=item)
    state.closing = text.strip()
    state.closing_shown = shown and bool(state.closing)
    state.save(update_fields=["closing", "closing_shown"])
    activities.push(item, regions.PROJECTOR, regions.TABLET)
    return state
