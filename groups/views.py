"""The facilitator's group pages: groupings, a round's preview, moves, publish, re-balance,
print."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groups import selectors, services
from groups.forms import MoveForm
from groups.models import Grouping, Round
from seminar import access
from seminar.http import HtmxHttpRequest, answer
from seminar.models import Seminar


@require_GET
@access.facilitator_required
def groupings(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    items = seminar.groupings.prefetch_related("rounds", "items")
    return render(request, "groups/groupings.html", {"seminar": seminar, "groupings": items})


def _round_context(seminar: Seminar, round_: Round, **extra) -> dict:
    # A round not formed yet is unsaved: nothing to read about it.
    members = selectors.round_members(round_) if round_.pk else []
    placed = {person.pk for _, people in members for person in people}
    unplaced = seminar.participants.present().exclude(pk__in=placed).select_related("department")
    by_department = round_.grouping.kind == Grouping.Kind.DEPARTMENT
    # Mixed groups are judged by how well they mix; department groups by how whole they keep
    # each department (a "most of one department" figure means nothing there).
    return {
        "seminar": seminar,
        "round": round_,
        "grouping": round_.grouping,
        "members": members,
        "quality": selectors.quality(round_) if members and not by_department else None,
        "departments": selectors.department_figures(members) if members and by_department else None,
        "limit": selectors.department_limit(round_) if members else None,
        "unplaced": unplaced,
        **extra,
    }


def _round(seminar: Seminar, grouping_id: int, number: int) -> Round:
    grouping = get_object_or_404(Grouping, pk=grouping_id, seminar=seminar)
    return Round.objects.filter(grouping=grouping, number=number).first() or Round(
        grouping=grouping, number=number
    )


@require_GET
@access.facilitator_required
def round_page(
    request: HtmxHttpRequest, seminar: Seminar, grouping_id: int, number: int
) -> HttpResponse:
    return render(
        request, "groups/round.html", _round_context(seminar, _round(seminar, grouping_id, number))
    )


def _back(
    request: HtmxHttpRequest,
    seminar: Seminar,
    round_: Round,
    status: int = 200,
    error: str | None = None,
    **extra,
) -> HttpResponse:
    """htmx gets the round's panel (with the error); a plain form goes back to the round's page."""
    if error:
        extra["errors"] = [error]
    context = _round_context(seminar, round_, **extra) if request.htmx else None
    return answer(
        request,
        "groups:round",
        seminar.slug,
        round_.grouping_id,
        round_.number,
        partial="groups/round.html#panel",
        context=context,
        status=status,
        error=error,
    )


@require_POST
@access.facilitator_required
def form_round(
    request: HtmxHttpRequest, seminar: Seminar, grouping_id: int, number: int
) -> HttpResponse:
    round_ = _round(seminar, grouping_id, number)
    try:
        round_ = services.form_round(grouping=round_.grouping, number=number)
    except services.NotPossible as error:
        return _back(
            request,
            seminar,
            round_,
            error=_("Cannot form the groups: %(reason)s.") % {"reason": error},
        )
    return _back(request, seminar, round_)


@require_POST
@access.facilitator_required
def publish(
    request: HtmxHttpRequest, seminar: Seminar, grouping_id: int, number: int
) -> HttpResponse:
    round_ = _round(seminar, grouping_id, number)
    try:
        services.publish_round(round_=round_)
    except services.NotPossible as error:
        return _back(request, seminar, round_, error=str(error))
    back = request.POST.get("next", "")
    # The tablet's one-tap fix before "Next" goes back where it came from (our own host only).
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return answer(request, back, leave=True)
    return _back(request, seminar, round_)


@require_POST
@access.facilitator_required
def rebalance(
    request: HtmxHttpRequest, seminar: Seminar, grouping_id: int, number: int
) -> HttpResponse:
    round_ = _round(seminar, grouping_id, number)
    try:
        moves = services.rebalance_round(round_=round_)
    except services.NotPossible as error:
        return _back(request, seminar, round_, error=str(error))
    return _back(request, seminar, round_, moves=moves, rebalanced=True)


@require_POST
@access.facilitator_required
def move(request: HtmxHttpRequest, seminar: Seminar, grouping_id: int, number: int) -> HttpResponse:
    round_ = _round(seminar, grouping_id, number)
    form = MoveForm(request.POST, round_=round_)
    if not form.is_valid():
        return _back(
            request, seminar, round_, 400, error=_("Choose a person and a group of this round.")
        )
    person, group = form.cleaned_data["participant"], form.cleaned_data["group"]
    warnings = selectors.move_warnings(round_, person, group)
    services.move_person(round_=round_, participant=person, group=group)
    return _back(request, seminar, round_, moved=(person, group, warnings))


@require_GET
@access.facilitator_required
def move_check(
    request: HtmxHttpRequest, seminar: Seminar, grouping_id: int, number: int
) -> HttpResponse:
    """The live warning beside the move form: what the chosen move would cost."""
    round_ = _round(seminar, grouping_id, number)
    form = MoveForm(request.GET, round_=round_)
    warnings = []
    if form.is_valid():
        warnings = selectors.move_warnings(
            round_, form.cleaned_data["participant"], form.cleaned_data["group"]
        )
    return render(
        request,
        "groups/round.html#move_warning",
        {"warnings": warnings, "checked": form.is_valid()},
    )


@require_GET
@access.facilitator_required
def print_lists(
    request: HtmxHttpRequest, seminar: Seminar, grouping_id: int, number: int
) -> HttpResponse:
    round_ = _round(seminar, grouping_id, number)
    return render(
        request,
        "groups/print.html",
        {"seminar": seminar, "round": round_, "members": selectors.round_members(round_)},
    )
