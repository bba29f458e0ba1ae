"""Getting in: personal links, personal codes, the projector's display link, the facilitator
login, the home page."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from seminar import access, throttle
from seminar.forms import JoinForm, ThrottledAuthenticationForm
from seminar.http import HtmxHttpRequest
from seminar.models import Participant, Seminar


@require_GET
@login_required
def home(request: HtmxHttpRequest) -> HttpResponse:
    if not access.is_facilitator(request.user):
        return render(request, "seminar/not_allowed.html", status=403)
    seminars = (
        Seminar.objects.all()
        if request.user.is_superuser
        else request.user.facilitated_seminars.all()
    )
    return render(request, "seminar/home.html", {"seminars": seminars.order_by("title")})


@require_GET
def personal_link(request: HtmxHttpRequest, token: str) -> HttpResponse:
    participant = (
        Participant.objects.select_related("seminar")
        .filter(token=token, access_revoked=False)
        .first()
    )
    if participant is None:
        return render(request, "seminar/bad_link.html", status=404)
    access.bind_participant(request.session, participant)
    return redirect("program:phone", slug=participant.seminar.slug)


def _wrong_codes_key(seminar: Seminar) -> str:
    return f"join-wrong-codes:{seminar.pk}"


def _code_entry_paused(seminar: Seminar) -> bool:
    """Whether the seminar has had so many wrong codes, from all addresses, that entry pauses."""
    return throttle.count(_wrong_codes_key(seminar)) >= settings.JOIN_WRONG_CODES


@require_http_methods(["GET", "POST"])
def join(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    seminar = get_object_or_404(Seminar, slug=slug)
    form = JoinForm(request.POST or None)
    paused = _code_entry_paused(seminar)
    status = 429 if paused else 200
    if request.method == "POST" and not paused:
        # The address may come from a header: hashed, the cache key stays short and plain.
        address = throttle.hashed(throttle.client_address(request))
        attempts = throttle.hit(
            f"join-attempts:{seminar.pk}:{address}", settings.JOIN_CODE_WINDOW_SECONDS
        )
        if attempts > settings.JOIN_CODE_ATTEMPTS:
            form.is_valid()
            form.add_error(None, _("Too many attempts. Wait a few minutes, or ask a facilitator."))
            status = 429
        elif form.is_valid():
            participant = seminar.participants.filter(
                code=form.cleaned_data["code"], access_revoked=False
            ).first()
            if participant is not None:
                access.bind_participant(request.session, participant)
                return redirect("program:phone", slug=seminar.slug)
            throttle.hit(_wrong_codes_key(seminar), settings.JOIN_WRONG_CODES_WINDOW_SECONDS)
            form.add_error(
                "code", _("We do not know that code. Check it on your card and try again.")
            )
            status = 400
        else:
            status = 400
    context = {"seminar": seminar, "form": form, "paused": paused}
    return render(request, "seminar/join.html", context, status=status)


@require_GET
def display_link(request: HtmxHttpRequest, slug: str, token: str) -> HttpResponse:
    seminar = Seminar.objects.filter(slug=slug, display_token=token).first()
    if seminar is None:
        return render(request, "seminar/bad_link.html", status=404)
    access.bind_display(request.session, seminar)
    return redirect("program:projector", slug=seminar.slug)


class LoginView(auth_views.LoginView):
    """Django's login, refused for a while after too many failures (429), even with the
    right password: per username and address, and per address (seminar/throttle.py)."""

    form_class = ThrottledAuthenticationForm

    def _keys(self, username: str) -> tuple[str, str]:
        address = throttle.client_address(self.request)
        return (
            f"login-failures:{throttle.hashed(username.strip().lower(), address)}",
            f"login-failures:{throttle.hashed(address)}",
        )

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if form.is_bound:
            user_key, address_key = self._keys(form.data.get("username", ""))
            form.locked = (
                throttle.count(user_key) >= settings.LOGIN_FAILURES_PER_USER
                or throttle.count(address_key) >= settings.LOGIN_FAILURES_PER_ADDRESS
            )
        return form

    def form_valid(self, form):
        throttle.reset(self._keys(form.data.get("username", ""))[0])
        return super().form_valid(form)  # Django's login() cycles the session key

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.locked:
            response.status_code = 429
        else:
            for key in self._keys(form.data.get("username", "")):
                throttle.hit(key, settings.LOGIN_WINDOW_SECONDS)
        return response
