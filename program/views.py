"""The facilitator's tablet, the projector and the phone's program page."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from program import activities, forms, screens, selectors, services
from program.models import AgendaItem
from seminar import access
from seminar.http import HtmxHttpRequest, answer, errors_text, forbidden
from seminar.live.shown import digest as shown_digest
from seminar.models import Seminar
from seminar.presence import screen_counts

STALE = gettext_lazy(
    "The program was changed on another screen just now. This is the current state."
)


@require_GET
@access.facilitator_required
def run(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    room = selectors.room(seminar)
    context = {
        "seminar": seminar,
        "room": room,
        "counts": screen_counts(seminar.pk),
        "activity": room.kind.tablet_regions(room.current, request) if room.kind else "",
    }
    return render(request, "program/run.html", context)


def _answer(request: HtmxHttpRequest, seminar: Seminar, error: str | None = None) -> HttpResponse:
    """htmx gets the panel it changed (with the error in it); a plain form post goes back (303)."""
    context = (
        {"seminar": seminar, "room": selectors.room(seminar), "error": error}
        if request.htmx
        else None
    )
    return answer(
        request,
        "program:run",
        seminar.slug,
        partial="program/run.html#live",
        context=context,
        error=error,
    )


@require_POST
@access.facilitator_required
def step(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = forms.StepForm(request.POST)
    if not form.is_valid():
        return _answer(request, seminar, errors_text(form))
    try:
        services.step(
            seminar=seminar,
            version=form.cleaned_data["version"],
            forward=form.cleaned_data["direction"] == "next",
        )
    except services.StaleVersion:
        return _answer(request, seminar, str(STALE))
    except services.NotPossible:
        return _answer(request, seminar, _("There is no item in that direction."))
    return _answer(request, seminar)


@require_POST
@access.facilitator_required
def jump(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = forms.JumpForm(request.POST, seminar=seminar)
    if not form.is_valid():
        return _answer(request, seminar, errors_text(form))
    try:
        services.jump(
            seminar=seminar, version=form.cleaned_data["version"], item=form.cleaned_data["item"]
        )
    except services.StaleVersion:
        return _answer(request, seminar, str(STALE))
    return _answer(request, seminar)


@require_POST
@access.facilitator_required
def timer(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = forms.TimerForm(request.POST)
    if not form.is_valid():
        return _answer(request, seminar, errors_text(form))
    data = form.cleaned_data
    try:
        if data["action"] == "start":
            services.start_timer(seminar=seminar, version=data["version"])
        elif data["action"] == "pause":
            services.pause_timer(seminar=seminar, version=data["version"])
        else:
            services.add_timer_minutes(
                seminar=seminar, version=data["version"], minutes=data["minutes"]
            )
    except services.StaleVersion:
        return _answer(request, seminar, str(STALE))
    except services.NotPossible:
        return _answer(request, seminar, _("The countdown cannot do that now."))
    return _answer(request, seminar)


@require_POST
@access.facilitator_required
def shift(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = forms.ShiftForm(request.POST)
    if not form.is_valid():
        return _answer(request, seminar, errors_text(form))
    try:
        moved = services.shift_rest_of_day(seminar=seminar, minutes=form.cleaned_data["minutes"])
    except services.NotPossible:
        return _answer(request, seminar, _("Start the program before moving the rest of the day."))
    if not request.htmx:
        messages.success(request, _("%(count)d items moved.") % {"count": moved})
    return _answer(request, seminar)


@require_POST
@access.facilitator_required
def projector_mode(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = forms.ProjectorForm(request.POST)
    if not form.is_valid():
        return _answer(request, seminar, errors_text(form))
    services.show_on_projector(
        seminar=seminar, mode=form.cleaned_data["mode"], message=form.cleaned_data["message"]
    )
    return _answer(request, seminar)


@require_POST
@access.facilitator_required
def reveal(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = forms.RevealForm(request.POST, seminar=seminar)
    if not form.is_valid():
        return _answer(request, seminar, errors_text(form))
    try:
        services.reveal(seminar=seminar, item=form.cleaned_data["item"])
    except services.NotPossible:
        return _answer(request, seminar, _("That item is already revealed."))
    return _answer(request, seminar)


@require_GET
def projector(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    seminar = get_object_or_404(Seminar, slug=slug)
    if not (
        access.is_display(request.session, seminar.pk) or access.facilitates(request.user, seminar)
    ):
        return forbidden(request, seminar)
    frame = screens.render_room("projector", selectors.room(seminar), request)
    return render(request, "program/projector.html", {"seminar": seminar, "frame": frame})


@require_GET
def phone(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    seminar = get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    if participant is None:
        return redirect("seminar:join", slug=seminar.slug)
    frame = screens.PhoneScreen().frame(selectors.room(seminar), participant.pk, request)
    # Its first socket sends the digest back and gets no snapshot if it would repeat the frame.
    return render(
        request,
        "program/phone.html",
        {
            "seminar": seminar,
            "participant": participant,
            "frame": frame,
            "shown": shown_digest(frame),
        },
    )


@require_GET
def panel(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    """A phone's personal forms for an item's activity (fetched once per item)."""
    seminar = get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    if participant is None:
        return forbidden(request, seminar)
    item = get_object_or_404(AgendaItem, pk=item_id, day__seminar=seminar)
    return HttpResponse(activities.get(item.kind).phone_panel(request, item, participant))
