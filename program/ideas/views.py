"""Phones send ideas (with a photo); facilitators feature, hide and pause; photos served with a check."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET, require_POST

from program.ideas import selectors, services
from program.ideas.forms import IdeaActionForm, IdeaForm, WallForm
from program.models import AgendaItem, Idea
from program.phone_posts import Refusal, submit_to_item
from seminar import access, photos
from seminar.http import HtmxHttpRequest
from seminar.models import Seminar
from seminar.submissions import TooFast

PANEL = "program/ideas/panel.html"


def _done(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    if request.htmx:
        return HttpResponse(status=204)
    response = redirect("program:run", slug=seminar.slug)
    response.status_code = 303
    return response


@require_POST
def submit(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    def save(item, participant, data) -> None:
        services.submit_idea(item=item, author=participant, text=data["text"], photo=data["photo"],
                             key=data["key"])

    return submit_to_item(request, slug, item_id, form_class=IdeaForm, save=save, template=PANEL, refusals=(
        Refusal(services.NotOpen, _("Ideas are not being taken for this item."), 409),
        Refusal(photos.PhotoRejected, lambda rejected: str(rejected.message), 400),
        Refusal(TooFast, _("That was a lot of ideas at once. Wait a minute and send again."), 429),
    ))


@require_POST
@access.facilitator_required
def moderate(request: HtmxHttpRequest, seminar: Seminar, idea_id: int) -> HttpResponse:
    idea = get_object_or_404(Idea.objects.select_related("item__day"), pk=idea_id, item__day__seminar=seminar)
    form = IdeaActionForm(request.POST)
    if form.is_valid():
        action = {"feature": services.feature_idea, "hide": services.hide_idea, "show": services.show_idea}
        action[form.cleaned_data["action"]](idea=idea)
    return _done(request, seminar)


@require_POST
@access.facilitator_required
def wall(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("day"), pk=item_id, day__seminar=seminar)
    form = WallForm(request.POST)
    if form.is_valid():
        services.pause_wall(item=item, paused=form.cleaned_data["action"] == "pause")
    return _done(request, seminar)


@require_GET
@access.facilitator_required
def all_ideas(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    """Every idea of a brainstorm, hidden ones included, with the facilitator's buttons."""
    item = get_object_or_404(AgendaItem.objects.select_related("day__seminar"), pk=item_id, day__seminar=seminar)
    context = {**selectors.tablet(item), "everything": True, "version": selectors.version(seminar.pk)}
    context["ideas"] = Idea.objects.filter(item=item).select_related("author", "group").order_by("-pk")
    return render(request, "program/ideas/all.html", context)


def may_see_photo(request: HtmxHttpRequest, seminar: Seminar, idea: Idea) -> bool:
    """Facilitators see every photo; the seminar's participants and projectors the shown ones."""
    if access.facilitates(request.user, seminar):
        return True
    if idea.hidden:
        return False
    return access.is_display(request.session, seminar.pk) or (
        access.bound_participant(request.session, seminar) is not None)


# A photo opened on its own (the gallery links to it) is shown by the browser's own image
# page, whose inline styles the site's policy blocked (a CSP error per photo). The response
# is a re-encoded JPEG sent with nosniff: nothing in it can run, so its policy lets the
# browser style its viewer and allows nothing else.
PHOTO_CSP = {"default-src": [CSP.NONE], "img-src": [CSP.SELF], "style-src": [CSP.UNSAFE_INLINE],
             "frame-ancestors": [CSP.SELF], "base-uri": [CSP.NONE], "form-action": [CSP.NONE]}


@require_GET
@csp_override(PHOTO_CSP)
def photo(request: HtmxHttpRequest, slug: str, idea_id: int, size: str = "full") -> HttpResponse:
    seminar = get_object_or_404(Seminar, slug=slug)
    idea = get_object_or_404(Idea, pk=idea_id, item__day__seminar=seminar)
    name = idea.photo_small if size == "small" else idea.photo
    if not name or not may_see_photo(request, seminar, idea):
        raise Http404
    try:
        stored = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(stored, content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    return response
