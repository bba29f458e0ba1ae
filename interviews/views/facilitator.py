"""The facilitators' side: who has handed in what, reminders as CSV, picking for the plenum."""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from interviews import selectors, services
from interviews.forms import CardActionForm, PickForm
from interviews.models import TAG_LABELS, Interview, Pick, TableCard
from seminar import access, links
from seminar.http import HtmxHttpRequest, answer, optional_id
from seminar.models import Seminar
from seminar.spreadsheets import csv_download


@require_GET
@access.facilitator_required
def status(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    tasks, rows = selectors.homework_rows(seminar)
    summary = [(task, sum(1 for row in rows if row.done[task.key])) for task in tasks]
    held_back = (
        Interview.objects.filter(seminar=seminar, released=False).exclude(identifying="").count()
    )
    return render(
        request,
        "interviews/status.html",
        {
            "seminar": seminar,
            "tasks": tasks,
            "rows": rows,
            "summary": summary,
            "held_back": held_back,
        },
    )


@require_GET
@access.facilitator_required
def reminders(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    """Who has not handed in (one task, or any), with their personal links, as CSV."""
    tasks, rows = selectors.homework_rows(seminar)
    task = next((t for t in tasks if t.key == request.GET.get("task", "")), None)
    wanted = [task] if task else tasks
    name = f"{seminar.slug}-{task.key if task else 'homework'}-missing.csv"
    lines = []
    for row in rows:
        missing = [str(t.label) for t in wanted if not row.done[t.key]]
        if missing:
            person = row.participant
            lines.append(
                [
                    person.name,
                    person.department.name,
                    person.email,
                    ", ".join(missing),
                    links.personal_link(person),
                ]
            )
    return csv_download(name, ["name", "department", "email", "missing", "personal_link"], lines)


@require_GET
@access.facilitator_required
def picker(request: HtmxHttpRequest, seminar: Seminar) -> HttpResponse:
    """Every interview, filtered by tag, with the actions that put one on the projector."""
    item_id = optional_id(request.GET.get("item"))
    item = selectors.plenum_item(seminar, item_id)
    if item_id is not None and item is None:
        raise Http404
    tag = request.GET.get("tag", "")
    tag = tag if tag in TAG_LABELS else ""
    interviews = Interview.objects.filter(seminar=seminar).tagged(tag).select_related("author")
    picks = Pick.objects.filter(item=item) if item else Pick.objects.none()
    context = {
        "seminar": seminar,
        "item": item,
        "tag": tag,
        "interviews": interviews,
        "counts": selectors.tag_counts(seminar),
        "picked": {p.interview_id for p in picks},
        "on_screen": {p.interview_id for p in picks if p.on_screen},
    }
    return render(request, "interviews/picker.html", context)


@require_POST
@access.facilitator_required
def pick(
    request: HtmxHttpRequest, seminar: Seminar, item_id: int, interview_id: int
) -> HttpResponse:
    item = get_object_or_404(selectors.plenum_items(seminar), pk=item_id)
    interview = get_object_or_404(Interview, pk=interview_id, seminar=seminar)
    form = PickForm(request.POST)
    if form.is_valid():
        action, tag = form.cleaned_data["action"], form.cleaned_data["tag"]
        try:
            if action == "pick":
                services.pick(item=item, interview=interview, tag=tag)
            elif action == "show":
                services.show(item=item, interview=interview, tag=tag)
            elif action == "off":
                services.take_off(item=item)
            elif action == "unpick":
                services.unpick(item=item, interview=interview)
            elif action == "release":
                services.release(interview=interview)
            else:
                services.set_hidden(interview=interview, hidden=action == "hide")
        except services.NotOpen:
            pass  # a hidden interview cannot be shown; the page shows it as hidden
    filter_tag = request.POST.get("filter")
    if filter_tag is None:
        return answer(request, "program:run", seminar.slug)
    # Back to the picker, filtered as it was.
    query = urlencode({"item": item.pk, "tag": filter_tag if filter_tag in TAG_LABELS else ""})
    return answer(request, f"{reverse('interviews:picker', args=[seminar.slug])}?{query}")


@require_POST
@access.facilitator_required
def card_action(request: HtmxHttpRequest, seminar: Seminar, card_id: int) -> HttpResponse:
    card = get_object_or_404(
        TableCard.objects.select_related("item__day"), pk=card_id, item__day__seminar=seminar
    )
    form = CardActionForm(request.POST)
    if form.is_valid():
        services.set_card_hidden(card=card, hidden=form.cleaned_data["action"] == "hide")
    return answer(request, "program:run", seminar.slug)
