"""The facilitators' page for a seminar's end of life: when it will be purged, and purging it
now."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from program import lifecycle
from seminar import access
from seminar.http import HtmxHttpRequest, see_other
from seminar.models import Seminar


class PurgeForm(forms.Form):
    """Typing the slug is the confirmation: a click alone cannot delete a seminar."""

    confirm = forms.CharField(
        label=gettext_lazy("Type the seminar's short name to confirm"), max_length=60
    )

    def __init__(self, *args, seminar: Seminar, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.seminar = seminar

    def clean_confirm(self) -> str:
        typed = self.cleaned_data["confirm"].strip()
        if typed != self.seminar.slug:
            raise forms.ValidationError(
                _("That is not “%(slug)s”. Nothing was deleted.") % {"slug": self.seminar.slug}
            )
        return typed


@require_http_methods(["GET", "POST"])
@access.facilitator_required
def page(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = PurgeForm(request.POST or None, seminar=seminar)
    if request.method == "POST" and form.is_valid():
        purged = lifecycle.purge(seminar=seminar)
        messages.success(
            request,
            _("“%(title)s” was deleted: %(rows)d rows and %(files)d files.")
            % {"title": seminar.title, "rows": purged.total, "files": purged.files},
        )
        return see_other("seminar:home")
    context = {
        "seminar": seminar,
        "form": form,
        "ended_on": lifecycle.ended_on(seminar),
        "purge_on": lifecycle.purge_on(seminar),
        "retention_days": lifecycle.retention_days(),
    }
    return render(request, "program/lifecycle.html", context, status=400 if form.errors else 200)
