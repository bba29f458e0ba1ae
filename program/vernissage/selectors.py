"""Reads for the vernissage: galleries, the host rota's current hosts, visitors now, comments."""

import datetime as dt
import zlib
from collections import Counter

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from groups import selectors as group_selectors
from groups.models import Group, Membership
from program.models import AgendaItem, Comment, GalleryVisit, Idea, LiveState, Reaction, Vernissage
from program.vernissage import rota
from seminar.models import Participant

# A visitor counts as "at the gallery now" for this long after opening or refreshing it
# (the gallery page refreshes its visit every minute while it is open).
VISIT_WINDOW = dt.timedelta(minutes=3)
LATEST_COMMENTS = 8  # on the hosts' phones; every comment is on the table's comments page
TABLET_COMMENTS = 20  # on the facilitator's tablet; every comment is on the all-comments page


def state(item: AgendaItem) -> Vernissage:
    return Vernissage.objects.filter(item=item).first() or Vernissage(item=item)


def is_on(item: AgendaItem) -> bool:
    """Whether the vernissage is what the room is at now: its galleries take comments only then."""
    return LiveState.objects.filter(seminar_id=item.day.seminar_id, item=item).exists()


def tables(item: AgendaItem) -> list[Group]:
    """The item's tables with how many shown ideas each has."""
    round_ = group_selectors.round_for_item(item)
    if round_ is None:
        return []
    return list(
        round_.groups.order_by("number").annotate(
            idea_count=Count("ideas", filter=Q(ideas__hidden=False))
        )
    )


def members(group: Group) -> list[Participant]:
    """The table's present members in a fixed order (the rota's order)."""
    return list(Participant.objects.filter(memberships__group=group, present=True).order_by("pk"))


def hosts(group: Group, current: Vernissage) -> list[Participant]:
    return rota.hosts_at(members(group), current.turn, current.turns)


def visitors_now(item: AgendaItem, group: Group) -> int:
    """Visitors whose latest gallery is this one, seen recently (the table's own members not
    counted).

    Kept in the database, so the count is the same whichever worker serves the visitors.
    """
    own = Membership.objects.filter(group=group).values("participant_id")
    return (
        GalleryVisit.objects.filter(
            item=item, group=group, seen_at__gte=timezone.now() - VISIT_WINDOW
        )
        .exclude(visitor_id__in=own)
        .count()
    )


def gallery_ideas(group: Group) -> list[Idea]:
    ideas = list(
        Idea.objects.filter(group=group)
        .visible()
        .select_related("author")
        .prefetch_related("comments__author")
        .order_by("pk")
    )
    tallies = Counter(Reaction.objects.filter(idea__in=ideas).values_list("idea_id", "kind"))
    for idea in ideas:
        idea.tally = [
            (kind, label, tallies[(idea.pk, kind)]) for kind, label in Reaction.Kind.choices
        ]
        idea.shown_comments = [c for c in idea.comments.all() if not c.hidden]
    return ideas


def my_reactions(visitor: Participant, ideas: list[Idea]) -> dict[int, str]:
    return dict(
        Reaction.objects.filter(visitor=visitor, idea__in=ideas).values_list("idea_id", "kind")
    )


def turn_view(item: AgendaItem, group: Group) -> dict:
    """A table's hosts in the current turn, and the marks ("p-<id>") their phones carry."""
    current = state(item)
    hosting = hosts(group, current)
    return {
        "item": item,
        "seminar": item.day.seminar,
        "group": group,
        "state": current,
        "hosts": hosting,
        "host_marks": " ".join(f"p-{person.pk}" for person in hosting),
        "turn": current.turn + 1,
    }


def host_view(item: AgendaItem, group: Group) -> dict:
    """What a table's members see at the vernissage: hosts now, visitors now, comments arriving."""
    comments = table_comments(group)
    return {
        **turn_view(item, group),
        "visitors": visitors_now(item, group),
        "comments": list(comments[:LATEST_COMMENTS]),
        "total": comments.count(),
        "reactions": Reaction.objects.filter(idea__group=group, idea__hidden=False).count(),
    }


def projector(item: AgendaItem) -> dict:
    current = state(item)
    return {
        "state": current,
        "turn": current.turn + 1,
        "rota": [(table, hosts(table, current)) for table in tables(item)],
    }


def tablet(item: AgendaItem) -> dict:
    comments = all_comments(item)
    current = state(item)
    # What the facilitator types in the closing remarks survives pushes (a comment arriving)
    # while the saved text stays the same (live.js keeps an element whose data-key is unchanged).
    closing_key = f"closing-{item.pk}-{zlib.crc32(current.closing.encode())}"
    return {
        "item": item,
        "seminar": item.day.seminar,
        "state": current,
        "turn": current.turn + 1,
        "comments": list(comments[:TABLET_COMMENTS]),
        "total": comments.count(),
        "closing_key": closing_key,
    }


def all_comments(item: AgendaItem) -> QuerySet[Comment]:
    """Every comment at the vernissage's tables, hidden ones included, newest first."""
    return (
        Comment.objects.filter(idea__group__round__grouping_id=item.grouping_id)
        .select_related("author", "idea__group")
        .order_by("-pk")
    )


def table_comments(group: Group) -> QuerySet[Comment]:
    """The shown comments on a table's ideas, newest first."""
    return (
        Comment.objects.filter(idea__group=group, hidden=False)
        .select_related("author", "idea")
        .order_by("-pk")
    )
