"""The case homework, the poster, the pick and the takeaway on phones; the facilitator's side."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goals.cases import services
from goals.cases.forms import AnalysisForm, CaseForm, PickForm, PosterNoteForm, TakeawayForm
from goals.cases.kind import panel_context
from goals.forms import draft_of
from goals.models import Case, CaseAnalysis, CasePick, PosterNote, Showing
from goals.services import NotAllowed, NotOpen, Stale, show_on_projector
from groups.models import Group
from program.phone_posts import item_of
from seminar import access, links
from seminar.http import HtmxHttpRequest, answer, phone, refusable, see_other
from seminar.models import Seminar
from seminar.spreadsheets import csv_download
from seminar.submissions import TooFast

PANEL = "goals/cases/panel.html"
CASE_FIELDS = ["title", "what_happened", "partners", "partners_other", "achieved", "themes"]


@require_http_methods(["GET", "POST"])
@refusable
def case(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The participant's own co-creation case (homework): one per person, version-checked."""
    seminar, participant = phone(request, slug)
    stored = Case.objects.filter(author=participant).first()
    context = {"seminar": seminar, "participant": participant}
    if request.method == "GET":
        return render(
            request,
            "goals/cases/case_form.html",
            {**context, "form": CaseForm.for_case(stored, seminar)},
        )
    form, status = CaseForm(request.POST, seminar=seminar), 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.save_case(
                author=participant,
                version=data["version"],
                key=data["key"],
                **{name: data[name] for name in CASE_FIELDS},
            )
        except Stale as stale:
            context["draft"] = draft_of(form, CASE_FIELDS)
            form, status = CaseForm.for_case(stale.current, seminar), 409
        except NotOpen:
            form.add_error(None, _("Your case was removed meanwhile. Reload the page."))
            status = 409
        else:
            if not request.htmx:
                messages.success(
                    request,
                    _("Saved. Thank you – your case is handed in. You can still change it."),
                )
            form, status, context["saved"] = CaseForm.for_case(saved, seminar), 200, True
    return answer(
        request,
        "goals:case",
        seminar.slug,
        partial="goals/cases/case_form.html#form",
        page="goals/cases/case_form.html",
        context={**context, "form": form},
        status=status,
    )


@require_GET
@access.facilitator_required
def homework(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    """Who has handed in their case."""
    cases = {c.author_id: c for c in Case.objects.filter(seminar=seminar)}
    rows = [
        (person, cases.get(person.pk))
        for person in seminar.participants.select_related("department")
    ]
    return render(
        request,
        "goals/cases/homework.html",
        {"seminar": seminar, "rows": rows, "handed_in": len(cases)},
    )


@require_GET
@access.facilitator_required
def homework_missing(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    """CSV of everyone without a case, with their personal link, for a reminder."""
    missing = seminar.participants.select_related("department").filter(cocreation_case__isnull=True)
    return csv_download(
        f"{seminar.slug}-missing-cases.csv",
        [_("Name"), seminar.department_terms.One, _("E-mail"), _("Personal link")],
        (
            [person.name, person.department.name, person.email, links.personal_link(person)]
            for person in missing
        ),
    )


@require_POST
@refusable
def poster_note(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    seminar, participant = phone(request, slug)
    item = item_of(seminar, item_id, (services.KIND,))
    form, sent, status = PosterNoteForm(request.POST), False, 400
    if form.is_valid():
        try:
            services.add_poster_note(
                item=item,
                author=participant,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                key=form.cleaned_data["key"],
            )
            form, sent, status = PosterNoteForm(), True, 200
        except (NotOpen, NotAllowed):
            form.add_error(None, _("Only members of a group of this item can add to its poster."))
            status = 403
        except TooFast:
            form.add_error(None, _("That was a lot at once. Wait a minute and send again."))
            status = 429
    return answer(
        request,
        "program:phone",
        seminar.slug,
        partial="goals/cases/panel.html#note",
        page=PANEL,
        context=panel_context(item, participant, form=form, sent=sent),
        status=status,
    )


@require_POST
@refusable
def case_pick(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    """The process leader picks one of the group's cases for the plenum."""
    seminar, participant = phone(request, slug)
    item = item_of(seminar, item_id, (services.KIND,))
    context, status = panel_context(item, participant), 200
    form = PickForm(request.POST)
    case = (
        Case.objects.filter(pk=form.cleaned_data["case"], seminar=seminar).first()
        if form.is_valid()
        else None
    )
    if case is None or context["group"] is None:
        context["pick_error"], status = _("Choose one of your group's cases."), 400
    else:
        try:
            services.pick_case(item=item, group=context["group"], case=case, by=participant)
            context = panel_context(item, participant, picked=True)
        except (NotAllowed, NotOpen):
            context["pick_error"], status = (
                _("Only the group's process leader can pick, among its members' cases."),
                403,
            )
    # Only the leader's panel shows the pick.
    partial = "goals/cases/panel.html#pick" if context["leader"] else None
    return answer(
        request,
        "program:phone",
        seminar.slug,
        partial=partial,
        page=PANEL,
        context=context,
        status=status,
    )


@require_POST
@refusable
def takeaway(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    seminar, participant = phone(request, slug)
    item = item_of(seminar, item_id, (services.KIND,))
    form, extra, status = TakeawayForm(request.POST), {}, 400
    if form.is_valid():
        try:
            services.save_takeaway(
                item=item,
                author=participant,
                version=form.cleaned_data["version"],
                key=form.cleaned_data["key"],
                text=form.cleaned_data["text"],
            )
            extra, status = {"takeaway_saved": True}, 200
        except Stale as stale:
            extra = {
                "draft": draft_of(form, ["text"]),
                "takeaway_form": TakeawayForm(
                    version=stale.current.version, initial={"text": stale.current.text}
                ),
            }
            status = 409
        except NotOpen:
            form.add_error(None, _("This item does not take notes now."))
            status = 409
    if status == 400 or ("draft" not in extra and status != 200):
        extra["takeaway_form"] = form
    context = panel_context(item, participant, **extra)
    return answer(
        request,
        "program:phone",
        seminar.slug,
        partial="goals/cases/panel.html#takeaway",
        page=PANEL,
        context=context,
        status=status,
    )


@require_POST
@access.facilitator_required
def note_hide(request: HtmxHttpRequest, seminar: Seminar, note_id: int) -> HttpResponse:
    note = get_object_or_404(
        PosterNote.objects.select_related("item__day"), pk=note_id, item__day__seminar=seminar
    )
    services.hide_poster_note(note=note)
    return answer(request, "program:run", seminar.slug)


@require_POST
@access.facilitator_required
def case_pick_run(
    request: HtmxHttpRequest, seminar: Seminar, item_id: int, group_id: int
) -> HttpResponse:
    item = item_of(seminar, item_id, (services.KIND,))
    group = get_object_or_404(Group, pk=group_id, round__grouping__seminar=seminar)
    form = PickForm(request.POST)
    case = (
        Case.objects.filter(pk=form.cleaned_data["case"], seminar=seminar).first()
        if form.is_valid()
        else None
    )
    status = 400
    if case is not None:
        try:
            services.pick_case(item=item, group=group, case=case)
            status = 200
        except (NotAllowed, NotOpen):
            status = 409
    return answer(request, "program:run", seminar.slug, status=status)


@require_http_methods(["GET", "POST"])
@access.facilitator_required
def analysis(
    request: HtmxHttpRequest, seminar: Seminar, item_id: int, group_id: int
) -> HttpResponse:
    """The facilitator types the plenum's analysis of a group's picked case."""
    item = item_of(seminar, item_id, (services.KIND,))
    pick = get_object_or_404(
        CasePick.objects.select_related("case__author", "group", "item__day"),
        item=item,
        group_id=group_id,
    )
    stored = CaseAnalysis.objects.filter(pick=pick).first()
    fields = ["went_well", "could_be_better", "how"]
    form = AnalysisForm(
        version=stored.version if stored else 0,
        initial={name: getattr(stored, name) for name in fields} if stored else {},
    )
    context, status = {"seminar": seminar, "item": item, "pick": pick}, 200
    if request.method == "POST":
        form, status = AnalysisForm(request.POST), 400
        if form.is_valid():
            try:
                services.save_analysis(
                    pick=pick,
                    **{name: form.cleaned_data[name] for name in ["version", "key", *fields]},
                )
            except Stale as stale:
                context["draft"] = draft_of(form, fields)
                form = AnalysisForm(
                    version=stale.current.version,
                    initial={name: getattr(stale.current, name) for name in fields},
                )
                status = 409
            else:
                if request.POST.get("then") == "show":
                    show_on_projector(item=item, what=Showing.What.ANALYSIS, ref=pick.group_id)
                return see_other("program:run", slug=seminar.slug)
    return render(request, "goals/cases/analysis.html", {**context, "form": form}, status=status)
