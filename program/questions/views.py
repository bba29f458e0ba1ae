"""Phones ask and vote; facilitators show, answer and hide questions."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from program.models import Question
from program.phone_posts import Refusal, submit_to_item
from program.questions import regions, services
from program.questions.forms import AskForm, QuestionActionForm
from seminar import access
from seminar.http import HtmxHttpRequest
from seminar.models import Seminar
from seminar.submissions import TooFast


def _phone(request: HtmxHttpRequest, slug: str):
    seminar = get_object_or_404(Seminar, slug=slug)
    return seminar, access.bound_participant(request.session, seminar)


@require_POST
def ask(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    def save(item, participant, data) -> None:
        services.ask(item=item, author=participant, text=data["text"], anonymous=data["anonymous"],
                     key=data["key"])

    return submit_to_item(request, slug, item_id, form_class=AskForm, save=save,
                          template="program/questions/panel.html", refusals=(
        Refusal(services.NotOpen, _("Questions are not being taken for this item."), 409),
        Refusal(TooFast, _("That was a lot of questions at once. Wait a minute and send again."), 429),
    ))


@require_POST
def vote(request: HtmxHttpRequest, slug: str, question_id: int) -> HttpResponse:
    seminar, participant = _phone(request, slug)
    if participant is None:
        return render(request, "seminar/not_allowed.html", {"seminar": seminar}, status=403)
    question = get_object_or_404(Question, pk=question_id, item__day__seminar=seminar)
    try:
        services.toggle_vote(question=question, voter=participant)
    except services.NotOpen:
        pass
    if not request.htmx:
        return redirect("program:phone", slug=seminar.slug)
    return HttpResponse(regions.MARKS.render(question.item, participant, request))


@require_POST
@access.facilitator_required
def moderate(request: HtmxHttpRequest, seminar: Seminar, question_id: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.select_related("item__day"), pk=question_id,
                                 item__day__seminar=seminar)
    form = QuestionActionForm(request.POST)
    if form.is_valid():
        action = {"feature": services.feature, "answered": services.mark_answered, "hide": services.hide,
                  "show": services.show}
        action[form.cleaned_data["action"]](question=question)
    if request.htmx:
        return HttpResponse(status=204)
    response = redirect("program:run", slug=seminar.slug)
    response.status_code = 303
    return response
