"""The program editor's pages: the program with its days and items, one item's page, and the
program file to download. Every change is a POST through a form; services.py saves it."""

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from program import activities
from program.editor import programdata, services
from program.editor.forms import (
    AddItemForm,
    DayForm,
    ItemForm,
    MoveForm,
    RemoveForm,
    SeminarForm,
    item_initial,
    item_values,
    seminar_values,
)
from program.models import AgendaItem
from program.programfile import export_program
from seminar import access
from seminar.http import HtmxHttpRequest, see_other
from seminar.models import Seminar


def _to_item(seminar: Seminar, key: str) -> HttpResponse:
    return see_other(reverse("program:editor", args=[seminar.slug]) + f"#item-{key}")


def _refusal(form, refused: programdata.Refused, ident: str | None = None) -> None:
    """The import's messages, each at the form field its line holds (else above the form)."""
    for place, message in refused.problems:
        name = place[2] if place is not None and (ident is None or place[1] == ident) else None
        form.add_error(name if name in form.fields else None, message)


def _page(request, seminar: Seminar, *, day_form=None, add_form=None, status=200) -> HttpResponse:
    days = list(seminar.days.order_by("date").prefetch_related("items"))
    for day in days:
        day.program = sorted(day.items.all(), key=lambda item: item.position)
        for item in day.program:
            item.kind_label = activities.get(item.kind).label
    context = {
        "seminar": seminar,
        "days": days,
        "day_form": day_form or DayForm(prefix="day"),
        "add_form": add_form or AddItemForm(days=days),
    }
    return render(request, "program/editor/program.html", context, status=status)


@require_GET
@access.facilitator_required
def editor(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    return _page(request, seminar)


@require_POST
@access.facilitator_required
def add_day(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = DayForm(request.POST, prefix="day")
    if form.is_valid():
        try:
            services.add_day(seminar=seminar, **form.cleaned_data)
        except programdata.Refused as refused:
            _refusal(form, refused)
        else:
            messages.success(request, _("The day is added."))
            return see_other("program:editor", slug=seminar.slug)
    return _page(request, seminar, day_form=form, status=400)


@require_http_methods(["GET", "POST"])
@access.facilitator_required
def seminar_settings(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    initial = programdata.read(seminar)["seminar"]
    form = SeminarForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_seminar(seminar=seminar, values=seminar_values(form.cleaned_data))
        except programdata.Refused as refused:
            _refusal(form, refused)
        else:
            messages.success(
                request, _("Saved: %(title)s.") % {"title": form.cleaned_data["title"]}
            )
            return see_other("program:editor", slug=seminar.slug)
    return render(
        request,
        "program/editor/seminar.html",
        {"seminar": seminar, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@access.facilitator_required
def remove_day(request: HtmxHttpRequest, seminar: Seminar, date: str) -> HttpResponse:
    """Remove a day that has no items left (items are removed one by one, with their checks)."""
    day = get_object_or_404(seminar.days, date=_date_or_404(date))
    if day.items.exists():
        messages.error(request, _("Remove the day's items first."))
    else:
        services.remove_day(seminar=seminar, date=day.date)
        messages.success(request, _("Removed: %(title)s.") % {"title": day.title})
    return see_other("program:editor", slug=seminar.slug)


def _date_or_404(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Http404 from None


@require_POST
@access.facilitator_required
def add_item(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    form = AddItemForm(request.POST, days=seminar.days.order_by("date"))
    if form.is_valid():
        try:
            key = services.add_item(
                seminar=seminar,
                date=form.cleaned_data["day"],
                values=item_values(form.cleaned_data),
            )
        except programdata.Refused as refused:
            _refusal(form, refused)
        else:
            messages.success(
                request, _("Added: %(title)s.") % {"title": form.cleaned_data["title"]}
            )
            return _to_item(seminar, key)
    return _page(request, seminar, add_form=form, status=400)


def _item(seminar: Seminar, item_id: int) -> AgendaItem:
    item = get_object_or_404(AgendaItem, pk=item_id, day__seminar=seminar)
    if not item.key:
        programdata.give_keys(seminar)
        item.refresh_from_db(fields=["key"])
    return item


@require_http_methods(["GET", "POST"])
@access.facilitator_required
def edit_item(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    item = _item(seminar, item_id)
    data = programdata.read(seminar)
    day, index = programdata.find_item(data, item.key)
    groupings = [grouping["name"] for grouping in data.get("groupings", [])]
    form = ItemForm(
        request.POST or None, initial=item_initial(day["items"][index]), groupings=groupings
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.change_item(
                seminar=seminar, key=item.key, values=item_values(form.cleaned_data)
            )
        except programdata.Refused as refused:
            _refusal(form, refused, item.key)
        else:
            messages.success(
                request, _("Saved: %(title)s.") % {"title": form.cleaned_data["title"]}
            )
            return _to_item(seminar, item.key)
    return render(
        request,
        "program/editor/item.html",
        {"seminar": seminar, "item": item, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@access.facilitator_required
def move_item(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    item = _item(seminar, item_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            moved = services.move_item(
                seminar=seminar, key=item.key, up=form.cleaned_data["direction"] == "up"
            )
        except programdata.Refused as refused:
            for _place, message in refused.problems:
                messages.error(request, _("Not moved: %(problem)s") % {"problem": message})
        else:
            if not moved:
                messages.error(
                    request,
                    _("%(title)s is already at the edge of its day.") % {"title": item.title},
                )
    return _to_item(seminar, item.key)


@require_POST
@access.facilitator_required
def remove_item(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    item = _item(seminar, item_id)
    form = RemoveForm(request.POST)
    force = form.is_valid() and form.cleaned_data["confirm"]
    try:
        services.remove_item(seminar=seminar, key=item.key, force=force)
    except services.WouldLoseWork as refusal:
        return render(
            request,
            "program/editor/remove.html",
            {"seminar": seminar, "item": item, "losses": refusal.losses},
            status=409,
        )
    except programdata.Refused as refused:
        for _place, message in refused.problems:
            messages.error(request, _("Not removed: %(problem)s") % {"problem": message})
        return _to_item(seminar, item.key)
    messages.success(request, _("Removed: %(title)s.") % {"title": item.title})
    return see_other("program:editor", slug=seminar.slug)


@require_GET
@access.facilitator_required
def program_file(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    """The program as a program file: importing it gives the same program."""
    response = HttpResponse(export_program(seminar), content_type="application/toml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{seminar.slug}.toml"'
    return response
