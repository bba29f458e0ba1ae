"""The seminar's facilitators: who runs it, inviting a co-facilitator, and the personal links
to download for a mail merge."""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from seminar import access, links, spreadsheets
from seminar.facilitators import LastFacilitator, invite_facilitator, remove_facilitator
from seminar.http import HtmxHttpRequest, see_other
from seminar.models import Seminar


class InviteForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("E-mail"), max_length=254)


def _page(
    request, seminar: Seminar, form: InviteForm, invitation=None, status: int = 200
) -> HttpResponse:
    context = {
        "seminar": seminar,
        "form": form,
        "invitation": invitation,
        "facilitators": seminar.facilitators.order_by("first_name", "username"),
    }
    return render(request, "seminar/facilitators.html", context, status=status)


@require_GET
@access.facilitator_required
def facilitators(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    return _page(request, seminar, InviteForm())


@require_POST
@access.facilitator_required
def invite(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _page(request, seminar, form, status=400)
    invitation = invite_facilitator(seminar=seminar, **form.cleaned_data)
    # The page answers the POST itself: the set-password link is shown once, never kept in
    # a message.
    return _page(request, seminar, InviteForm(), invitation)


@require_POST
@access.facilitator_required
def remove(request: HtmxHttpRequest, seminar: Seminar, user_id: int) -> HttpResponse:
    user = get_object_or_404(seminar.facilitators, pk=user_id)
    try:
        remove_facilitator(seminar=seminar, user=user)
    except LastFacilitator:
        messages.error(request, _("A seminar needs at least one facilitator."))
    else:
        messages.success(
            request,
            _("%(name)s no longer runs this seminar.")
            % {"name": user.get_full_name() or user.get_username()},
        )
    if user == request.user:
        return see_other("seminar:home")
    return see_other("seminar:facilitators", slug=seminar.slug)


@require_GET
@access.facilitator_required
def links_csv(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    """Every participant's personal link and code, for a mail merge (revoked ones left out)."""
    people = seminar.participants.filter(access_revoked=False).select_related("department")
    return spreadsheets.csv_download(
        f"{seminar.slug}-links.csv",
        [_("name"), seminar.department_terms.one, _("e-mail"), _("code"), _("link")],
        (
            [
                person.name,
                person.department.name,
                person.email,
                person.code,
                links.personal_link(person),
            ]
            for person in people
        ),
    )


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """An invited facilitator chooses a password through the link they were given."""

    template_name = "registration/set_password.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        messages.success(
            self.request, _("Your password is set. Log in with your e-mail address as user name.")
        )
        return super().form_valid(form)
