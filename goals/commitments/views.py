"""Leaders write their commitments and download them; management writes its message; facilitators
hide."""

from django.conf import settings
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from goals.commitments import calendar, services
from goals.commitments.forms import CommitmentForm, HideForm, ManagementForm
from goals.commitments.kind import panel_context
from goals.forms import draft_of
from goals.models import Commitment
from goals.services import NotAllowed, NotOpen, Stale
from program.models import Day
from program.phone_posts import item_of
from seminar import access
from seminar.http import HtmxHttpRequest, answer, forbidden, phone, refusable
from seminar.models import Seminar

PANEL = "goals/commitments/panel.html"
COMMITMENT_FIELDS = ["agreements", "monday", "share_monday"]


def _answer(request, seminar, context, partial: str, status: int) -> HttpResponse:
    return answer(
        request,
        "program:phone",
        seminar.slug,
        partial=f"{PANEL}#{partial}",
        page=PANEL,
        context=context,
        status=status,
    )


@require_POST
@refusable
def commit(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    seminar, participant = phone(request, slug)
    item = item_of(seminar, item_id, (services.KIND,))
    form, extra, status = CommitmentForm(request.POST), {}, 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.save_commitment(
                item=item,
                author=participant,
                version=data["version"],
                key=data["key"],
                messages=form.message_pairs(),
                **{name: data[name] for name in COMMITMENT_FIELDS},
            )
            extra, status = {"saved": True}, 200
        except Stale as stale:
            names = ["agreements", "monday"] + [
                f"{part}_{n}" for n in range(1, 5) for part in ("message", "audience")
            ]
            extra = {
                "form": CommitmentForm.for_commitment(stale.current),
                "draft": draft_of(form, names),
            }
            status = 409
        except NotOpen:
            form.add_error(None, _("Commitments are written while this item is on."))
            status = 409
    if status == 400 or (status == 409 and "draft" not in extra):
        extra["form"] = form
    return _answer(
        request, seminar, panel_context(item, participant, **extra), "commitment", status
    )


@require_POST
@refusable
def management(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    seminar, participant = phone(request, slug)
    item = item_of(seminar, item_id, (services.KIND,))
    form, extra, status = ManagementForm(request.POST), {}, 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            message = services.save_management_message(
                item=item,
                author=participant,
                version=data["version"],
                key=data["key"],
                text=data["text"],
            )
            extra = {
                "management_saved": True,
                "management_form": ManagementForm(
                    version=message.version, initial={"text": message.text}
                ),
            }
            status = 200
        except Stale as stale:
            extra = {
                "management_draft": draft_of(form, ["text"]),
                "management_form": ManagementForm(
                    version=stale.current.version, initial={"text": stale.current.text}
                ),
            }
            status = 409
        except (NotAllowed, NotOpen):
            return forbidden(request, seminar)
    extra.setdefault("management_form", form)
    return _answer(
        request, seminar, panel_context(item, participant, **extra), "management", status
    )


def _mine(request: HtmxHttpRequest, slug: str):
    seminar, participant = phone(request, slug)
    commitment = get_object_or_404(
        Commitment.objects.prefetch_related("messages"), author=participant
    )
    return seminar, participant, commitment


@require_GET
@refusable
def mine(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The leader's own commitments as a printable page."""
    seminar, participant, commitment = _mine(request, slug)
    return render(
        request,
        "goals/commitments/mine.html",
        {"seminar": seminar, "participant": participant, "commitment": commitment},
    )


@require_GET
@refusable
def mine_ics(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """A calendar reminder for 08:00 on the Monday after the seminar, with the leader's Monday
    action."""
    seminar, participant, commitment = _mine(request, slug)
    last_day = (
        Day.objects.filter(seminar=seminar).aggregate(last=Max("date"))["last"]
        or timezone.localdate()
    )
    lines = [commitment.monday] + [f"{m.audience}: {m.message}" for m in commitment.messages.all()]
    body = calendar.reminder(
        uid=f"commitment-{commitment.pk}-{seminar.slug}@{request.get_host()}",
        last_day=last_day,
        zone=settings.TIME_ZONE,
        summary=_("Monday after %(seminar)s: what I said I would do") % {"seminar": seminar.title},
        description="\n".join(lines),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{seminar.slug}-monday.ics"'
    return response


@require_POST
@access.facilitator_required
def hide(
    request: HtmxHttpRequest, seminar: Seminar, item_id: int, commitment_id: int
) -> HttpResponse:
    """Hide a shared Monday action (commitment_id) or, with 0, management's message, from the
    projector."""
    item = item_of(seminar, item_id, (services.KIND,))
    form = HideForm(request.POST)
    hidden = form.is_valid() and form.cleaned_data["hidden"]
    if commitment_id == 0:
        services.hide_management_message(item=item, hidden=hidden)
    else:
        commitment = get_object_or_404(Commitment, pk=commitment_id, seminar=seminar)
        services.hide_commitment(item=item, commitment=commitment, hidden=hidden)
    return answer(request, "program:run", seminar.slug)
