"""Members write their group's goal; everyone shakes hands; facilitators lock, hide and revise."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from goals.forms import draft_of
from goals.models import Goal
from goals.services import Locked, NotAllowed, NotOpen, Stale
from goals.shared_goals import regions, services
from goals.shared_goals.forms import GOAL_FIELDS, GoalActionForm, GoalForm
from goals.shared_goals.kind import panel_context
from goals.web import item_of, phone, refusable
from seminar import access
from seminar.http import HtmxHttpRequest, see_other
from seminar.models import Seminar


@require_POST
@refusable
def write(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    """A member saves the group's goal, on the version they read."""
    seminar, participant = phone(request, slug)
    item = item_of(seminar, item_id, (services.WRITING,))
    form, extra, status = GoalForm(request.POST, seminar=seminar), {}, 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            goal = services.save_goal(item=item, author=participant, version=data["version"], key=data["key"],
                                      **{name: data[name] for name in GOAL_FIELDS})
            extra, status = {"form": GoalForm.for_goal(goal, seminar), "saved": True}, 200
        except Stale as stale:
            extra = {"form": GoalForm.for_goal(stale.current, seminar), "draft": draft_of(form, GOAL_FIELDS)}
            status = 409
        except Locked:
            form.add_error(None, _("The goal is locked. Ask a facilitator to change it."))
            status = 409
        except (NotAllowed, NotOpen):
            form.add_error(None, _("Only members of a big group can write its goal."))
            status = 403
    extra.setdefault("form", form)
    context = panel_context(item, participant, **extra)
    if not request.htmx:
        return see_other("program:phone", slug=seminar.slug) if status == 200 else render(
            request, "goals/shared_goals/panel.html", context, status=status)
    return render(request, "goals/shared_goals/panel.html#form", context, status=status)


@require_POST
@refusable
def shake(request: HtmxHttpRequest, slug: str, goal_id: int) -> HttpResponse:
    """The participant's own handshake on a goal; whom it is from comes from their session only."""
    seminar, participant = phone(request, slug)
    goal = get_object_or_404(Goal, pk=goal_id, seminar=seminar)
    status = 200
    try:
        services.shake_hands(goal=goal, participant=participant)
    except NotOpen:
        status = 409
    if not request.htmx:
        return see_other("program:phone", slug=seminar.slug)
    return HttpResponse(regions.MARKS.render(None, participant, request), status=status)


@require_POST
@access.facilitator_required
def act(request: HtmxHttpRequest, seminar: Seminar, goal_id: int) -> HttpResponse:
    goal = get_object_or_404(Goal, pk=goal_id, seminar=seminar)
    form = GoalActionForm(request.POST)
    if not form.is_valid():
        return HttpResponse(status=400)
    action = form.cleaned_data["action"]
    if action in ("lock", "unlock"):
        services.lock_goal(goal=goal, user=request.user, locked=action == "lock")
    else:
        services.hide_goal(goal=goal, hidden=action == "hide")
    return HttpResponse(status=204) if request.htmx else see_other("program:run", slug=seminar.slug)


@require_http_methods(["GET", "POST"])
@access.facilitator_required
def revise(request: HtmxHttpRequest, seminar: Seminar, goal_id: int) -> HttpResponse:
    """A facilitator's editor for a goal (locked or not), with the history of its text."""
    goal = get_object_or_404(Goal.objects.select_related("group"), pk=goal_id, seminar=seminar)
    form, context, status = GoalForm.for_goal(goal, seminar), {"seminar": seminar, "goal": goal}, 200
    if request.method == "POST":
        form, status = GoalForm(request.POST, seminar=seminar), 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.revise_goal(goal=goal, user=request.user, version=data["version"], key=data["key"],
                                     **{name: data[name] for name in GOAL_FIELDS})
                return see_other("goals:goal_revise", slug=seminar.slug, goal_id=goal.pk)
            except Stale as stale:
                context["draft"] = draft_of(form, GOAL_FIELDS)
                form, status = GoalForm.for_goal(stale.current, seminar), 409
    context["revisions"] = goal.revisions.select_related("by_participant", "by_user")
    return render(request, "goals/shared_goals/revise.html", {**context, "form": form}, status=status)
