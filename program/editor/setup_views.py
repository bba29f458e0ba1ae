"""Where a facilitator makes a new seminar (the seminar list links here)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from program.editor import setup
from program.editor.setup_forms import NewSeminarForm
from seminar import access
from seminar.http import HtmxHttpRequest, see_other
from seminar.models import Seminar


def _own_seminars(user):
    return (
        Seminar.objects.all() if user.is_superuser else user.facilitated_seminars.all()
    ).order_by("title")


@require_http_methods(["GET", "POST"])
@login_required
def new_seminar(request: HtmxHttpRequest) -> HttpResponse:
    if not access.is_facilitator(request.user):
        return render(request, "seminar/not_allowed.html", status=403)
    form = NewSeminarForm(
        request.POST or None, request.FILES or None, seminars=_own_seminars(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data, user = form.cleaned_data, request.user
        if data["start"] == form.FILE:
            seminar = setup.create_from_spec(spec=form.spec, by=user)
        else:
            title = data["title"].strip()
            slug = data["slug"] or setup.free_slug(title)
            if data["start"] == form.COPY:
                seminar = setup.copy_seminar(source=data["source"], title=title, slug=slug, by=user)
            else:
                seminar = setup.create_empty(title=title, slug=slug, by=user)
        messages.success(
            request,
            _("The seminar %(title)s is made. Here is its program.") % {"title": seminar.title},
        )
        return see_other("program:editor", slug=seminar.slug)
    return render(
        request, "program/editor/new.html", {"form": form}, status=400 if form.errors else 200
    )
