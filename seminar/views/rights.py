"""A participant's rights: their own data from their phone; export and erasure by a facilitator."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from seminar import access, rights
from seminar.http import HtmxHttpRequest, see_other
from seminar.models import Participant, Seminar


def _json(participant: Participant, filename: str) -> HttpResponse:
    response = HttpResponse(
        rights.export_json(participant), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _mine(request: HtmxHttpRequest, slug: str) -> tuple[Seminar, Participant | None]:
    seminar = get_object_or_404(Seminar, slug=slug)
    return seminar, access.bound_participant(request.session, seminar)


@require_GET
def my_data(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Everything stored about the person on this phone, readable; with the JSON download."""
    seminar, participant = _mine(request, slug)
    if participant is None:
        return redirect("seminar:join", slug=seminar.slug)
    data = rights.export(participant)
    # Headed by what the rows are ("citizen interviews"), not by their technical label.
    sections = [
        (apps.get_model(label.split(" (")[0])._meta.verbose_name_plural, rows)
        for label, rows in data["rows"].items()
    ]
    response = render(
        request,
        "seminar/my_data.html",
        {"seminar": seminar, "participant": participant, "data": data, "sections": sections},
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def my_data_json(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    seminar, participant = _mine(request, slug)
    if participant is None:
        return redirect("seminar:join", slug=seminar.slug)
    return _json(participant, f"{seminar.slug}-my-data.json")


@require_GET
@access.facilitator_required
def export_person(request: HtmxHttpRequest, seminar: Seminar, participant_id: int) -> HttpResponse:
    person = get_object_or_404(seminar.participants, pk=participant_id)
    return _json(person, f"{seminar.slug}-participant-{person.pk}.json")


class EraseForm(forms.Form):
    """Erasure cannot be undone: the facilitator types the person's name to confirm."""

    confirm = forms.CharField(
        label=gettext_lazy("Type the person's name to confirm"), max_length=120
    )

    def __init__(self, *args, person: Participant, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_confirm(self) -> str:
        typed = self.cleaned_data["confirm"].strip()
        if typed.casefold() != str(self.person.name).casefold():
            raise forms.ValidationError(_("That is not the person's name. Nothing was erased."))
        return typed


@require_POST
@access.facilitator_required
def erase_person(request: HtmxHttpRequest, seminar: Seminar, participant_id: int) -> HttpResponse:
    person = get_object_or_404(seminar.participants, pk=participant_id, erased_at__isnull=True)
    form = EraseForm(request.POST, person=person)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["confirm"]))
        return see_other("seminar:person_access", slug=seminar.slug, participant_id=person.pk)
    rights.erase(participant=person)
    messages.success(
        request,
        _(
            "The participant was erased. Their group's shared work stays, "
            "attributed to a former participant."
        ),
    )
    return see_other("seminar:people", slug=seminar.slug)


@require_GET
def privacy(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """What is stored, who sees it, for how long, how to have it removed: for anyone with the
    address."""
    seminar = get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    return render(
        request,
        "seminar/privacy.html",
        {
            "seminar": seminar,
            "participant": participant,
            "retention_days": settings.SEMINAR_RETENTION_DAYS,
            "controller": seminar.data_controller or _("the organiser of the seminar"),
        },
    )
