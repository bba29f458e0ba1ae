"""The facilitator's e-mail pages: invitations and reminders, composed, previewed, sent off
the request (seminar/invitations/), and followed person by person."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from seminar import access
from seminar.http import HtmxHttpRequest, optional_id, see_other
from seminar.invitations import kinds, mail, services
from seminar.invitations.forms import MailingForm, PreviewForm, new_click_token
from seminar.invitations.kinds import MailKind
from seminar.invitations.models import Delivery, Mailing
from seminar.models import Seminar

Status = Delivery.Status
UNKNOWN = "unknown"

# The overview lists every mailing, newest first, this many to a page.
MAILINGS_PER_PAGE = 20


def _kind(key: str) -> MailKind:
    kind = kinds.get(key)
    if kind is None:
        raise Http404
    return kind


@dataclass
class Line:
    """One person's row on a mailing's page, as the facilitator reads it."""

    delivery: Delivery
    state: str  # a Status value, or UNKNOWN: claimed long ago and never marked
    label: str
    reason: str

    @property
    def retryable(self) -> bool:
        return self.state in (Status.FAILED, UNKNOWN)


def _lines(mailing: Mailing) -> list[Line]:
    stale = services.stale_before()
    lines = []
    rows = mailing.deliveries.select_related("participant__department")
    for delivery in rows.order_by("participant__name"):
        state = delivery.status
        if state == Status.SENDING and delivery.claimed_at and delivery.claimed_at < stale:
            state = UNKNOWN
        label = _("Unknown – check") if state == UNKNOWN else str(Status(state).label)
        reason = _(delivery.reason) if delivery.reason in services.OWN_REASONS else delivery.reason
        lines.append(Line(delivery, state, label, reason))
    return lines


@require_GET
@access.facilitator_required
def overview(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    page = Paginator(seminar.mailings.all(), MAILINGS_PER_PAGE).get_page(request.GET.get("page"))
    mailings = []
    for mailing in page:
        lines = _lines(mailing)
        counts = {
            state: sum(1 for line in lines if line.state == state)
            for state in (*Status.values, UNKNOWN)
        }
        kind = kinds.get(mailing.kind)
        mailings.append(
            {
                "mailing": mailing,
                "label": kind.label if kind else mailing.kind,
                "counts": counts,
                "total": len(lines),
            }
        )
    return render(
        request,
        "seminar/invitations.html",
        {"seminar": seminar, "kinds": kinds.registered(), "mailings": mailings, "page": page},
    )


@require_http_methods(["GET", "POST"])
@access.facilitator_required
def compose(request: HtmxHttpRequest, seminar: Seminar, kind: str) -> HttpResponse:
    """Who gets the mail (everyone due, ticked), its language, a preview link; the POST queues
    it once per form (its one-time token) and sends the browser to the mailing's page."""
    mail_kind = _kind(kind)
    candidates, due = services.recipients(seminar, mail_kind)
    if request.method == "POST":
        form = MailingForm(request.POST, candidates=candidates)
        if form.is_valid():
            mailing, created = services.create_mailing(
                seminar=seminar,
                kind=mail_kind,
                token=form.cleaned_data["token"],
                people=form.cleaned_data["people"],
                language=form.cleaned_data["language"],
                user=request.user,
            )
            if not created:
                messages.info(request, _("This was already sent off: nobody gets it twice."))
            return see_other("seminar:invitations_mailing", seminar.slug, mailing.pk)
        chosen = {str(value) for value in request.POST.getlist("people")}
        status = 400
    else:
        form = MailingForm(initial={"token": new_click_token()}, candidates=candidates)
        chosen = {str(person.pk) for person in candidates}
        status = 200
    people = [
        {
            "person": person,
            "chosen": str(person.pk) in chosen,
            "problem": _(problem) if (problem := services.address_problem(person)) else "",
            "details": mail_kind.describe(seminar, due.get(person.pk, [])),
        }
        for person in candidates
    ]
    context = {
        "seminar": seminar,
        "kind": mail_kind,
        "form": form,
        "people": people,
        "with_address": sum(1 for row in people if not row["problem"]),
    }
    return render(request, "seminar/invitations_compose.html", context, status=status)


@require_GET
@access.facilitator_required
def preview(request: HtmxHttpRequest, seminar: Seminar, kind: str) -> HttpResponse:
    """One person's mail as it will be sent (the first person's unless one is asked for);
    sends nothing."""
    mail_kind = _kind(kind)
    candidates, due = services.recipients(seminar, mail_kind)
    form = PreviewForm(request.GET, candidates=candidates)
    if not form.is_valid():
        raise Http404
    person = form.cleaned_data["person"] or candidates.first()
    language = form.cleaned_data["language"] or settings.LANGUAGE_CODE
    context = {"seminar": seminar, "kind": mail_kind, "person": person, "language": language}
    if person is not None:
        person.seminar = seminar
        context["letter"] = mail.letter(
            kind=mail_kind,
            person=person,
            language=language,
            details=due.get(person.pk, []),
            inline=False,
        )
        context["problem"] = _(problem) if (problem := services.address_problem(person)) else ""
    return render(request, "seminar/invitations_preview.html", context)


@require_GET
@access.facilitator_required
def mailing(request: HtmxHttpRequest, seminar: Seminar, mailing_id: int) -> HttpResponse:
    """Each person's state: queued, sending, sent, failed or refused (with the reason), or
    unknown (cut off while sending) with a button to send again. Follows itself while busy."""
    mailing = get_object_or_404(seminar.mailings, pk=mailing_id)
    lines = _lines(mailing)
    context = {
        "seminar": seminar,
        "mailing": mailing,
        "lines": lines,
        "kind": kinds.get(mailing.kind),
        "busy": any(line.state in (Status.QUEUED, Status.SENDING) for line in lines),
        "retryable": sum(1 for line in lines if line.retryable),
        "sent": sum(1 for line in lines if line.state == Status.SENT),
    }
    if request.htmx and request.htmx.target == "mailing-status":
        return render(request, "seminar/invitations_mailing.html#status", context)
    return render(request, "seminar/invitations_mailing.html", context)


@require_POST
@access.facilitator_required
def retry(request: HtmxHttpRequest, seminar: Seminar, mailing_id: int) -> HttpResponse:
    mailing = get_object_or_404(seminar.mailings, pk=mailing_id)
    count = services.retry(mailing=mailing, delivery_id=optional_id(request.POST.get("delivery")))
    if count:
        messages.success(request, _("%(count)d mails are queued again.") % {"count": count})
    else:
        messages.info(request, _("Nothing to send again."))
    return see_other("seminar:invitations_mailing", seminar.slug, mailing.pk)
