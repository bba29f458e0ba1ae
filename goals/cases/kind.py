"""From learning to goals: the big group's cases, poster, pick and the plenum analysis."""

from django.template.loader import render_to_string

from goals.cases import regions
from goals.cases.forms import PosterNoteForm, TakeawayForm
from goals.kinds import GoalsKind
from goals.models import Case, Showing, Takeaway
from goals.selectors import group_for, members
from groups import selectors as group_selectors
from seminar.models import Participant


def panel_context(item, participant, **extra) -> dict:
    """Everything the phone's panel shows; `extra` replaces parts (a bound form after a send)."""
    group = group_for(item, participant)
    takeaway = Takeaway.objects.filter(item=item, author=participant).first()
    context = {
        "item": item,
        "seminar": item.day.seminar,
        "group": group,
        "form": PosterNoteForm(),
        "takeaway_form": TakeawayForm(
            version=takeaway.version if takeaway else 0,
            initial={"text": takeaway.text if takeaway else ""},
        ),
        "leader": group is not None and participant.role == Participant.Role.PROCESS_LEADER,
    }
    if context["leader"]:
        context["cases"] = Case.objects.filter(author__in=members(group)).select_related(
            "author", "seminar"
        )
        context["pick"] = regions.pick_of(item, group)
    context.update(extra)
    return context


class CasesKind(GoalsKind):
    projector_template = "goals/cases/projector.html"
    projector_choices = frozenset({Showing.What.POSTER, Showing.What.ANALYSIS})

    regions = regions.REGIONS

    def valid_ref(self, item, what, ref) -> bool:
        round_ = group_selectors.round_for_item(item)
        return round_ is not None and round_.groups.filter(pk=ref).exists()

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string(
            "goals/cases/panel.html", panel_context(item, participant), request=request
        )
