"""Running the groups: a process leader for their own group from their phone, a facilitator for any
or all.

The permission is checked here: the phone's participant must be a process leader of THAT
group in the item's round; the tablet's user must be a facilitator.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from groups.models import Group
from program.models import AgendaItem
from program.soapbox import regions, selectors, services
from program.soapbox.forms import AllGroupsForm, LeadForm
from seminar import access
from seminar.http import HtmxHttpRequest, answer, errors_text, forbidden
from seminar.models import Seminar

STALE = _("Your group was changed on another screen just now. This is the current state.")
NOT_NOW = _("That cannot be done in this phase.")
AHEAD = _("Not moved, already there or further on (their process leader runs them): %(groups)s.")
NO_SPEAKERS = _("Not moved, no speakers drawn yet: %(groups)s. Draw their speakers first.")
NOT_OPEN = _("This group is not part of the soapbox now.")


def _act(request: HtmxHttpRequest, item: AgendaItem, group: Group) -> str | None:
    """Parse the action, call its service; returns the error to show, if any."""
    form = LeadForm(request.POST, item=item, group=group)
    if not form.is_valid():
        return errors_text(form)
    data = form.cleaned_data
    action, on = data["action"], {"item": item, "group": group, "version": data["version"]}
    try:
        if action in ("next", "back"):
            services.move_phase(**on, forward=action == "next")
        elif action == "start":
            services.start_timer(**on)
        elif action == "pause":
            services.pause_timer(**on)
        elif action == "add":
            services.add_minutes(**on, minutes=data["minutes"])
        elif action == "speakers":
            services.choose_speakers(**on, volunteers=list(data["volunteers"]))
        else:
            services.call_next_speaker(**on)
    except services.StaleVersion:
        return str(STALE)
    except services.NotPossible:
        return str(NOT_NOW)
    except services.NotOpen:
        return str(NOT_OPEN)
    return None


def _not_moved(result: services.Everywhere) -> str | None:
    """Which groups stayed where they were, and why (the tablet says so beside the buttons)."""

    def names(groups: list[Group]) -> str:
        return ", ".join(group.name for group in groups)

    lines = []
    if result.ahead:
        lines.append(str(AHEAD) % {"groups": names(result.ahead)})
    if result.without_speakers:
        lines.append(str(NO_SPEAKERS) % {"groups": names(result.without_speakers)})
    return " ".join(lines) or None


def _targets(seminar: Seminar, item_id: int, group_id: int) -> tuple[AgendaItem, Group]:
    item = get_object_or_404(
        AgendaItem.objects.select_related("day__seminar"),
        pk=item_id,
        day__seminar=seminar,
        kind=selectors.KIND,
    )
    group = get_object_or_404(Group, pk=group_id, round__grouping__seminar=seminar)
    return item, group


def _tablet(request: HtmxHttpRequest, item: AgendaItem, error: str | None) -> str:
    """The tablet's overview, with the error beside the buttons (an htmx answer)."""
    return regions.TABLET.render(item, None, request, context=regions.tablet(item, None, error))


@require_POST
def lead(request: HtmxHttpRequest, slug: str, item_id: int, group_id: int) -> HttpResponse:
    """A process leader moves their own group on (phase, countdown, speakers) from their phone."""
    seminar = get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    item, group = _targets(seminar, item_id, group_id)
    if not selectors.leads(participant, item, group):
        return forbidden(request, seminar)
    error = _act(request, item, group)
    html = None
    if request.htmx:
        html = regions.LEAD.render(
            item, participant, request, context=regions.lead(item, participant, error)
        )
    return answer(request, "program:phone", seminar.slug, html=html, error=error)


@require_POST
@access.facilitator_required
def run_group(
    request: HtmxHttpRequest, seminar: Seminar, item_id: int, group_id: int
) -> HttpResponse:
    """A facilitator moves any one group on, from the tablet."""
    item, group = _targets(seminar, item_id, group_id)
    error = _act(request, item, group)
    html = _tablet(request, item, error) if request.htmx else None
    return answer(request, "program:run", seminar.slug, html=html, error=error)


@require_POST
@access.facilitator_required
def run_all(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    """A facilitator puts every group in one phase."""
    item = get_object_or_404(
        AgendaItem.objects.select_related("day__seminar"),
        pk=item_id,
        day__seminar=seminar,
        kind=selectors.KIND,
    )
    form = AllGroupsForm(request.POST, item=item)
    error = None if form.is_valid() else errors_text(form)
    if error is None:
        error = _not_moved(
            services.set_phase_everywhere(item=item, phase=form.cleaned_data["phase"])
        )
    html = _tablet(request, item, error) if request.htmx else None
    return answer(request, "program:run", seminar.slug, html=html, error=error)
