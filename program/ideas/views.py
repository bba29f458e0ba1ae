"""Phones send ideas (with a photo); facilitators feature, hide and pause; photos served checked."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.csp import CSP
from django.utils.translation import gettext as _
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET, require_POST

from program.ideas import selectors, services
from program.ideas.forms import IdeaActionForm, IdeaForm, WallForm
from program.models import AgendaItem, Idea
from program.phone_posts import phone_item
from seminar import access, photos
from seminar.http import HtmxHttpRequest, answer, refusable
from seminar.models import Seminar
from seminar.submissions import TooFast

PANEL = "program/ideas/panel.html"


@require_POST
@refusable
def submit(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    item, participant = phone_item(request, slug, item_id)
    form, sent, status = IdeaForm(request.POST, request.FILES), False, 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_idea(
                item=item,
                author=participant,
                text=data["text"],
                photo=data["photo"],
                key=data["key"],
            )
            form, sent, status = IdeaForm(), True, 200
        except services.NotOpen:
            form.add_error(None, _("Ideas are not being taken for this item."))
            status = 409
        except photos.PhotoRejected as rejected:
            form.add_error(None, str(rejected.message))
        except TooFast:
            form.add_error(
                None, _("That was a lot of ideas at once. Wait a minute and send again.")
            )
            status = 429
    context = {"form": form, "item": item, "seminar": item.day.seminar, "sent": sent}
    return answer(
        request,
        "program:phone",
        item.day.seminar.slug,
        partial=PANEL,
        page=PANEL,
        context=context,
        status=status,
    )


@require_POST
@access.facilitator_required
def moderate(request: HtmxHttpRequest, seminar: Seminar, idea_id: int) -> HttpResponse:
    idea = get_object_or_404(
        Idea.objects.select_related("item__day"), pk=idea_id, item__day__seminar=seminar
    )
    form = IdeaActionForm(request.POST)
    if form.is_valid():
        action = {
            "feature": services.feature_idea,
            "hide": services.hide_idea,
            "show": services.show_idea,
        }
        action[form.cleaned_data["action"]](idea=idea)
    return answer(request, "program:run", seminar.slug)


@require_POST
@access.facilitator_required
def wall(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    item = get_object_or_404(
        AgendaItem.objects.select_related("day"), pk=item_id, day__seminar=seminar
    )
    form = WallForm(request.POST)
    if form.is_valid():
        services.pause_wall(item=item, paused=form.cleaned_data["action"] == "pause")
    return answer(request, "program:run", seminar.slug)


@require_GET
@access.facilitator_required
def all_ideas(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    """Every idea of a brainstorm, hidden ones included, with the facilitator's buttons."""
    item = get_object_or_404(
        AgendaItem.objects.select_related("day__seminar"), pk=item_id, day__seminar=seminar
    )
    context = {
        **selectors.tablet(item),
        "everything": True,
        "version": selectors.version(seminar.pk),
    }
    context["ideas"] = (
        Idea.objects.filter(item=item).select_related("author", "group").order_by("-pk")
    )
    return render(request, "program/ideas/all.html", context)


def may_see_photo(request: HtmxHttpRequest, seminar: Seminar, idea: Idea) -> bool:
    """Facilitators see every photo; the seminar's participants and projectors the shown ones."""
    if access.facilitates(request.user, seminar):
        return True
    if idea.hidden:
        return False
    return access.is_display(request.session, seminar.pk) or (
        access.bound_participant(request.session, seminar) is not None
    )


# A photo opened on its own (the gallery links to it) is shown by the browser's own image
# page, whose inline styles the site's policy blocked (a CSP error per photo). The response
# is a re-encoded JPEG sent with nosniff: nothing in it can run, so its policy lets the
# browser style its viewer and allows nothing else.
PHOTO_CSP = {
    "default-src": [CSP.NONE],
    "img-src": [CSP.SELF],
    "style-src": [CSP.UNSAFE_INLINE],
    "frame-ancestors": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
}


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
