"""Reads for the brainstorm's screens: the wall, a table's ideas, the facilitator's list."""

from program.models import AgendaItem, Idea, IdeaWall, LiveState

# The wall holds the ideas newest first (and the featured one): the projector pages what
# does not fit on one screen, so no idea drops off. The bound keeps a push's render and
# size in check far beyond a room's brainstorm (two ideas a head for 150 people).
WALL_SIZE = 300
# The tablet lists the newest ideas with their buttons; the full list is its own page.
TABLET_SIZE = 40


def version(seminar_id: int) -> int:
    return (
        LiveState.objects.filter(seminar_id=seminar_id).values_list("version", flat=True).first()
        or 1
    )


def wall_state(item: AgendaItem) -> IdeaWall:
    return IdeaWall.objects.filter(item=item).first() or IdeaWall(item=item)


def wall(item: AgendaItem) -> dict:
    """What the projector's wall shows: the featured idea, the others newest first, how many in
    all."""
    state = wall_state(item)
    ideas = Idea.objects.filter(item=item).visible().select_related("author", "group")
    if state.paused:
        ideas = ideas.filter(pk__lte=state.paused_after)
    featured = ideas.filter(featured=True).first()
    newest = list(ideas.exclude(pk=featured.pk if featured else None).order_by("-pk")[:WALL_SIZE])
    return {
        "item": item,
        "seminar": item.day.seminar,
        "featured": featured,
        "ideas": newest,
        "total": ideas.count(),
        "wall": state,
    }


def tablet(item: AgendaItem) -> dict:
    ideas = Idea.objects.filter(item=item).select_related("author", "group").order_by("-pk")
    return {
        "item": item,
        "seminar": item.day.seminar,
        "ideas": list(ideas[:TABLET_SIZE]),
        "total": ideas.count(),
        "waiting": waiting(item),
        "wall": wall_state(item),
    }


def waiting(item: AgendaItem) -> int:
    """Ideas sent while the wall is paused: they join when it resumes."""
    state = wall_state(item)
    if not state.paused:
        return 0
    return Idea.objects.filter(item=item, pk__gt=state.paused_after).visible().count()


def table_ideas(item: AgendaItem, group_id: int) -> dict:
    ideas = Idea.objects.filter(item=item, group_id=group_id).visible().select_related("author")
    return {"item": item, "seminar": item.day.seminar, "ideas": list(ideas)}
