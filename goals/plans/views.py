"""Members write their department's plan per locked goal; facilitators hide plans."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from goals.forms import draft_of
from goals.models import DepartmentPlan, Goal
from goals.plans import services
from goals.plans.forms import PlanForm, PlanHideForm
from goals.plans.kind import panel_context
from goals.services import NotAllowed, NotOpen, Stale
from program.phone_posts import item_of
from seminar import access
from seminar.department_word import department_word
from seminar.http import HtmxHttpRequest, answer, phone, refusable
from seminar.models import Seminar


@require_POST
@refusable
def write(request: HtmxHttpRequest, slug: str, item_id: int, goal_id: int) -> HttpResponse:
    seminar, participant = phone(request, slug)
    item = item_of(seminar, item_id, (services.KIND,))
    goal = get_object_or_404(Goal, pk=goal_id, seminar=seminar)
    form, row, status = PlanForm(request.POST, prefix=f"goal{goal.pk}", seminar=seminar), {}, 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            plan = services.save_plan(
                item=item,
                author=participant,
                goal=goal,
                version=data["version"],
                key=data["key"],
                **{name: data[name] for name in services.PLAN_FIELDS},
            )
            row, status = {"form": PlanForm.for_plan(plan, goal.pk, seminar), "saved": True}, 200
        except Stale as stale:
            row = {
                "form": PlanForm.for_plan(stale.current, goal.pk, seminar),
                "draft": draft_of(form, services.PLAN_FIELDS),
            }
            status = 409
        except NotOpen:
            form.add_error(None, _("Plans are written for locked goals while this item is on."))
            status = 409
        except NotAllowed:
            form.add_error(None, _not_a_member(seminar))
            status = 403
    row.setdefault("form", form)
    context = panel_context(item, participant, replace={goal.pk: row})
    mine = next((r for r in context["rows"] if r["goal"].pk == goal.pk), {"goal": goal, **row})
    return answer(
        request,
        "program:phone",
        seminar.slug,
        partial="goals/plans/panel.html#plan",
        page="goals/plans/panel.html",
        context={**context, "row": mine},
        status=status,
    )


@require_POST
@access.facilitator_required
def hide(request: HtmxHttpRequest, seminar: Seminar, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(
        DepartmentPlan.objects.select_related("item__day", "group"),
        pk=plan_id,
        goal__seminar=seminar,
    )
    form = PlanHideForm(request.POST)
    services.hide_plan(plan=plan, hidden=form.is_valid() and form.cleaned_data["hidden"])
    return answer(request, "program:run", seminar.slug)


def _not_a_member(seminar: Seminar) -> str:
    word = department_word(seminar)
    if not word.own:
        return _("Only members of a department group can write its plan.")
    return _("Only the group of a %(department)s can write its plan.") % {"department": word.one}
