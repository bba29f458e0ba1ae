"""The cases activity's live regions and what they read.

A group's cases and poster on its members' phones, the tablet's overview, and the
projector's poster or analysis.
"""

from goals import selectors
from goals.models import Case, CaseAnalysis, CasePick, PosterNote, Showing
from groups import selectors as group_selectors
from groups.models import Group
from program.models import AgendaItem
from seminar.live.regions import Region, Scope

TEMPLATE = "goals/cases/live.html"


def group_cases(group: Group) -> list[tuple]:
    """(member, their case or None) for every member of the group."""
    people = selectors.members(group)
    cases = {
        case.author_id: case
        for case in Case.objects.filter(author__in=people).select_related("seminar")
    }
    return [(person, cases.get(person.pk)) for person in people]


def poster(item: AgendaItem, group: Group, *, with_hidden: bool = False) -> dict:
    notes = PosterNote.objects.filter(item=item, group=group).select_related("author")
    if not with_hidden:
        notes = notes.filter(hidden=False)
    notes = list(notes)
    return {
        "themes": [n for n in notes if n.kind == PosterNote.Kind.THEME],
        "practices": [n for n in notes if n.kind == PosterNote.Kind.PRACTICE],
    }


def pick_of(item: AgendaItem, group: Group) -> CasePick | None:
    return CasePick.objects.filter(item=item, group=group).select_related("case__author").first()


def group_part(item: AgendaItem, group: Group) -> dict:
    """The group's part on its members' phones: their cases, the poster, the picked case."""
    return {
        "item": item,
        "group": group,
        "cases": group_cases(group),
        "poster": poster(item, group),
        "pick": pick_of(item, group),
    }


def tablet(item: AgendaItem, _=None) -> dict:
    round_ = group_selectors.round_for_item(item)
    groups = []
    if round_ is not None:
        for group in round_.groups.order_by("number"):
            pick = pick_of(item, group)
            analysis = CaseAnalysis.objects.filter(pick=pick).first() if pick else None
            groups.append(
                {
                    "group": group,
                    "poster": poster(item, group, with_hidden=True),
                    "pick": pick,
                    "analysis": analysis,
                    "cases": [c for _, c in group_cases(group) if c],
                }
            )
    return {
        "item": item,
        "seminar": item.day.seminar,
        "groups": groups,
        "showing": selectors.showing(item),
    }


def projected(item: AgendaItem, _=None) -> dict:
    """The poster or the analysis the facilitator chose (none: the item's own text)."""
    showing = selectors.showing(item)
    group = Group.objects.filter(pk=showing.ref).first() if showing.ref else None
    if group is not None and showing.what == Showing.What.POSTER:
        return {"item": item, "poster_group": group, "poster": poster(item, group)}
    if group is not None and showing.what == Showing.What.ANALYSIS:
        pick = pick_of(item, group)
        return {
            "item": item,
            "analysis_group": group,
            "pick": pick,
            "analysis": CaseAnalysis.objects.filter(pick=pick).first() if pick else None,
        }
    return {"item": item}


GROUP = Region("case-group", f"{TEMPLATE}#group", Scope.GROUP, group_part)
TABLET = Region("cases-tablet", f"{TEMPLATE}#tablet", Scope.TABLETS, tablet)
PROJECTED = Region(
    "cases-projected", "goals/cases/projector.html#shown", Scope.PROJECTOR, projected
)
REGIONS = (GROUP, TABLET, PROJECTED)
