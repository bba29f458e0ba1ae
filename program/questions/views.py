"""Phones ask and vote; facilitators show, answer and hide questions."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from program.models import Question
from program.phone_posts import phone_item
from program.questions import regions, services
from program.questions.forms import AskForm, QuestionActionForm
from seminar import access
from seminar.http import HtmxHttpRequest, answer, phone, refusable
from seminar.models import Seminar
from seminar.submissions import TooFast

PANEL = "program/questions/panel.html"


@require_POST
@refusable
def ask(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    item, participant = phone_item(request, slug, item_id)
    form, sent, status = AskForm(request.POST), False, 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.ask(
                item=item,
                author=participant,
                text=data["text"],
                anonymous=data["anonymous"],
                key=data["key"],
            )
            form, sent, status = AskForm(), True, 200
        except services.NotOpen:
            form.add_error(None, _("Questions are not being taken for this item."))
            status = 409
        except TooFast:
            form.add_error(
                None, _("That was a lot of questions at once. Wait a minute and send again.")
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
@refusable
def vote(request: HtmxHttpRequest, slug: str, question_id: int) -> HttpResponse:
    seminar, participant = phone(request, slug)
    question = get_object_or_404(Question, pk=question_id, item__day__seminar=seminar)
    try:
        services.toggle_vote(question=question, voter=participant)
    except services.NotOpen:
        pass
    html = regions.MARKS.render(question.item, participant, request) if request.htmx else None
    return answer(request, "program:phone", seminar.slug, html=html)


@require_POST
@access.facilitator_required
def moderate(request: HtmxHttpRequest, seminar: Seminar, question_id: int) -> HttpResponse:
    question = get_object_or_404(
        Question.objects.select_related("item__day"), pk=question_id, item__day__seminar=seminar
    )
    form = QuestionActionForm(request.POST)
    if form.is_valid():
        action = {
            "feature": services.feature,
            "answered": services.mark_answered,
            "hide": services.hide,
            "show": services.show,
        }
        action[form.cleaned_data["action"]](question=question)
    return answer(request, "program:run", seminar.slug)
