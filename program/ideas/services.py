"""Brainstorm ideas: submit (text and an optional photo), and the facilitator's wall controls.

A new idea joins its table's list on the members' phones, the facilitator's list and,
unless the wall is paused, the projector's wall. Hiding takes an idea off every screen
at once; pausing keeps new ideas off the wall until it resumes.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max

from groups import selectors as group_selectors
from groups.models import Group
from program import activities
from program.ideas import regions
from program.models import AgendaItem, Idea, IdeaWall
from seminar import photos
from seminar.models import Participant
from seminar.queries import unique_or_none
from seminar.submissions import check_pace

KIND = "brainstorm"


class NotOpen(Exception):
    """Ideas are not being taken for this item (another kind, or another seminar)."""


def _publish_wall(item: AgendaItem) -> None:
    """The projector's wall and the facilitator's list (both coalesce: newest state only)."""
    activities.push(item, regions.WALL, regions.TABLET)


def _publish_table(item: AgendaItem, group: Group | None) -> None:
    """The ideas of one table on its members' phones (coalescing too)."""
    if group is not None:
        activities.push(item, regions.TABLE, target=group)


def submit_idea(*, item: AgendaItem, author: Participant, text: str, photo=None, key) -> Idea:
    """Save an idea (once per key), with its photo re-encoded and stored first.

    Saves an Idea for the author's table in the item's round. Publishes the table's list
    to its members, and the wall to the projector and the facilitators. The photo is
    checked and re-encoded before the transaction (raises photos.PhotoRejected); a retry
    with the same key returns the first idea without touching the photo again.
    """
    if item.kind != KIND or item.day.seminar_id != author.seminar_id:
        raise NotOpen
    existing = unique_or_none(Idea.objects.filter(author=author, key=key))
    if existing is not None:
        return existing
    check_pace(author.pk, "idea")
    stored = photos.store(photos.prepare(photo), f"ideas/{item.day.seminar_id}") if photo else None
    try:
        return _save_idea(item=item, author=author, text=text, stored=stored, key=key)
    except BaseException as error:
        # No row points at the photo: remove it, whatever failed (a database error, the
        # same key racing in from a retried request, the author removed meanwhile).
        if stored:
            photos.discard(stored.name, stored.small_name)
        if isinstance(error, IntegrityError):
            existing = unique_or_none(Idea.objects.filter(author=author, key=key))
            if existing is not None:  # the retry's twin won: its idea is the answer
                return existing
        raise


@transaction.atomic
def _save_idea(*, item: AgendaItem, author: Participant, text: str, stored, key) -> Idea:
    group = group_selectors.group_for_item(author.pk, item)
    fields = {}
    if stored is not None:
        fields = {
            "photo": stored.name,
            "photo_small": stored.small_name,
            "photo_width": stored.width,
            "photo_height": stored.height,
        }
    idea = Idea.objects.create(
        item=item, author=author, group=group, text=text.strip(), key=key, **fields
    )
    _publish_table(item, group)
    _publish_wall(item)
    return idea


@transaction.atomic
def hide_idea(*, idea: Idea) -> None:
    """Take an idea off every screen (kept for the report); its photo is then for facilitators
    only."""
    Idea.objects.filter(pk=idea.pk).update(hidden=True, featured=False)
    _publish_table(idea.item, idea.group)
    _publish_wall(idea.item)


@transaction.atomic
def show_idea(*, idea: Idea) -> None:
    """Bring a hidden idea back."""
    Idea.objects.filter(pk=idea.pk).update(hidden=False)
    _publish_table(idea.item, idea.group)
    _publish_wall(idea.item)


@transaction.atomic
def feature_idea(*, idea: Idea) -> None:
    """Show one idea large on the wall (again: take it off). Publishes the wall."""
    Idea.objects.filter(item=idea.item, featured=True).exclude(pk=idea.pk).update(featured=False)
    Idea.objects.filter(pk=idea.pk).update(featured=not idea.featured, hidden=False)
    _publish_wall(idea.item)


@transaction.atomic
def pause_wall(*, item: AgendaItem, paused: bool) -> IdeaWall:
    """Pause the wall (new ideas are kept and wait) or resume it (they join). Publishes the wall."""
    wall, _ = IdeaWall.objects.select_for_update().get_or_create(item=item)
    if paused and not wall.paused:
        wall.paused_after = Idea.objects.filter(item=item).aggregate(last=Max("pk"))["last"] or 0
    wall.paused = paused
    wall.save()
    _publish_wall(item)
    return wall
