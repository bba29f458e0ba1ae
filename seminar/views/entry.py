"""Getting in: personal links, personal codes, the projector's display link, the home page."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from seminar import access
from seminar.forms import JoinForm
from seminar.http import HtmxHttpRequest
from seminar.models import Participant, Seminar


@require_GET
@login_required
def home(request: HtmxHttpRequest) -> HttpResponse:
    if not access.is_facilitator(request.user):
        return render(request, "seminar/not_allowed.html", status=403)
    return render(request, "seminar/home.html", {"seminars": Seminar.objects.order_by("title")})


@require_GET
def personal_link(request: HtmxHttpRequest, token: str) -> HttpResponse:
    participant = Participant.objects.select_related("seminar").filter(token=token).first()
    if participant is None:
        return render(request, "seminar/bad_link.html", status=404)
    access.bind_participant(request.session, participant)
    return redirect("program:phone", slug=participant.seminar.slug)


def _too_many_attempts(request: HtmxHttpRequest, seminar: Seminar) -> bool:
    """Count this address's code attempts; True once it is over the limit for the window."""
    key = f"join-attempts:{seminar.pk}:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=settings.JOIN_CODE_WINDOW_SECONDS)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.JOIN_CODE_WINDOW_SECONDS)
        attempts = 1
    return attempts > settings.JOIN_CODE_ATTEMPTS


@require_http_methods(["GET", "POST"])
def join(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    seminar = get_object_or_404(Seminar, slug=slug)
    form = JoinForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _too_many_attempts(request, seminar):
            form.is_valid()
            form.add_error(None, _("Too many attempts. Wait a few minutes, or ask a facilitator."))
            status = 429
        elif form.is_valid():
            participant = seminar.participants.filter(code=form.cleaned_data["code"]).first()
            if participant is not None:
                access.bind_participant(request.session, participant)
                return redirect("program:phone", slug=seminar.slug)
            form.add_error("code", _("We do not know that code. Check it on your card and try again."))
            status = 400
        else:
            status = 400
    return render(request, "seminar/join.html", {"seminar": seminar, "form": form}, status=status)


@require_GET
def display_link(request: HtmxHttpRequest, slug: str, token: str) -> HttpResponse:
    seminar = Seminar.objects.filter(slug=slug, display_token=token).first()
    if seminar is None:
        return render(request, "seminar/bad_link.html", status=404)
    access.bind_display(request.session, seminar)
    return redirect("program:projector", slug=seminar.slug)
