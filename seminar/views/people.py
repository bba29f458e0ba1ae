"""The facilitator's people pages: roster import with preview, check-in, join cards, and
the personal and display links (shown, renewed, revoked)."""

import base64

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from seminar import access, links, services
from seminar.forms import PresenceForm, RosterUploadForm
from seminar.http import HtmxHttpRequest, answer, see_other
from seminar.models import Seminar
from seminar.roster import RosterError, import_roster, parse_roster, preview

UPLOAD_KEY = "roster-upload"
PREVIEW_ROWS = 50  # the page stays small; the counts say what else will be imported


@require_GET
@access.facilitator_required
def people(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    participants = seminar.participants.select_related("department")
    query = request.GET.get("q", "").replace("\x00", "").strip()  # PostgreSQL refuses NUL
    if query:
        participants = participants.filter(name__icontains=query)
    context = {
        "seminar": seminar,
        "participants": participants,
        "query": query,
        "present": seminar.participants.present().count(),
        "total": seminar.participants.count(),
    }
    if request.htmx and request.htmx.target == "people-list":
        return render(request, "seminar/people.html#list", context)
    return render(request, "seminar/people.html", context)


@require_POST
@access.facilitator_required
def presence(request: HtmxHttpRequest, seminar: Seminar, participant_id: int) -> HttpResponse:
    participant = get_object_or_404(
        seminar.participants.select_related("department"), pk=participant_id
    )
    form = PresenceForm(request.POST)
    if form.is_valid():
        participant = services.set_present(
            participant=participant, present=form.cleaned_data["present"]
        )
    return answer(
        request,
        "seminar:people",
        seminar.slug,
        partial="seminar/people.html#row",
        context={"seminar": seminar, "person": participant},
    )


@require_http_methods(["GET", "POST"])
@access.facilitator_required
def roster_import(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    """Upload → preview (or every error) → confirm. Nothing is saved before the confirm."""
    form = RosterUploadForm()
    context = {"seminar": seminar, "form": form}
    if request.method == "POST" and "confirm" in request.POST:
        stored = request.session.pop(UPLOAD_KEY, None)
        if stored is None:
            messages.error(request, _("The preview expired. Upload the file again."))
            return see_other("seminar:roster_import", slug=seminar.slug)
        try:
            result = import_roster(
                seminar=seminar, data=base64.b64decode(stored["data"]), filename=stored["name"]
            )
        except RosterError as error:
            context["problems"] = error.problems
            return render(request, "seminar/roster_import.html", context, status=400)
        messages.success(request, _("%(count)d participants added.") % {"count": result.added})
        if result.updated:
            messages.success(
                request,
                _("%(count)d participants already on the roster were updated.")
                % {"count": result.updated},
            )
        return see_other("seminar:people", slug=seminar.slug)
    if request.method == "POST":
        form = context["form"] = RosterUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, "seminar/roster_import.html", context, status=400)
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            rows = parse_roster(data, upload.name)
        except RosterError as error:
            context["problems"] = error.problems
            return render(request, "seminar/roster_import.html", context, status=400)
        request.session[UPLOAD_KEY] = {"name": upload.name, "data": base64.b64encode(data).decode()}
        changes = preview(seminar, rows)
        updated = sum(1 for _row, update in changes if update)
        context.update(
            rows=changes[:PREVIEW_ROWS],
            total=len(rows),
            more=len(rows) - PREVIEW_ROWS,
            departments=len({row.department for row in rows}),
            added=len(rows) - updated,
            updated=updated,
        )
    return render(request, "seminar/roster_import.html", context)


@require_GET
@access.facilitator_required
def join_cards(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    cards = [
        {
            "person": person,
            "link": links.personal_link(person),
            "qr": links.qr_svg(links.personal_link(person), title=person.name),
        }
        for person in seminar.participants.filter(access_revoked=False).select_related("department")
    ]
    return render(
        request,
        "seminar/join_cards.html",
        {"seminar": seminar, "cards": cards, "join_link": links.join_link(seminar)},
    )


@require_GET
@access.facilitator_required
def person_access(request: HtmxHttpRequest, seminar: Seminar, participant_id: int) -> HttpResponse:
    """A participant's personal link and code, to show or hand over, with renew and revoke."""
    person = get_object_or_404(seminar.participants.select_related("department"), pk=participant_id)
    link = links.personal_link(person)
    context = {
        "seminar": seminar,
        "person": person,
        "link": link,
        "qr": links.qr_svg(link, title=person.name),
    }
    return render(request, "seminar/person_access.html", context)


@require_POST
@access.facilitator_required
def renew_access(request: HtmxHttpRequest, seminar: Seminar, participant_id: int) -> HttpResponse:
    person = get_object_or_404(seminar.participants, pk=participant_id)
    person = services.renew_access(participant=person)
    messages.success(
        request,
        _("%(name)s has a new link and code. The old ones no longer work.") % {"name": person.name},
    )
    return see_other("seminar:person_access", seminar.slug, person.pk)


@require_POST
@access.facilitator_required
def revoke_access(request: HtmxHttpRequest, seminar: Seminar, participant_id: int) -> HttpResponse:
    person = get_object_or_404(seminar.participants, pk=participant_id)
    person = services.revoke_access(participant=person)
    messages.success(
        request,
        _("%(name)s's link and code no longer work. Give a new link to let them in again.")
        % {"name": person.name},
    )
    return see_other("seminar:person_access", seminar.slug, person.pk)


@require_GET
@access.facilitator_required
def display_access(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    """The projector's display link, to open on the projector's browser, with renew."""
    link = links.display_link(seminar)
    context = {"seminar": seminar, "link": link, "qr": links.qr_svg(link)}
    return render(request, "seminar/display_access.html", context)


@require_POST
@access.facilitator_required
def renew_display(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    services.renew_display_link(seminar=seminar)
    messages.success(
        request,
        _(
            "The projector has a new display link. Screens opened with the old "
            "one have stopped; open the new link on the projector."
        ),
    )
    return see_other("seminar:display_access", seminar.slug)
