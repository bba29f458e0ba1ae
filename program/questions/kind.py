"""The questions activity: what phones, the projector and the tablet show while it is on."""

from django.template.loader import render_to_string

from program.activities import ActivityKind
from program.models import Question
from program.questions import services
from program.questions.forms import AskForm


class QuestionsKind(ActivityKind):
    has_panel = True
    projector_template = "program/questions/projector.html"

    def projector_context(self, item) -> dict:
        return {"featured": Question.objects.filter(item=item, featured=True, hidden=False)
                .select_related("author").first()}

    def room_regions(self, item, request=None) -> str:
        questions = Question.objects.filter(item=item).visible().ranked()
        return render_to_string("program/questions/live.html#room", {"item": item, "questions": questions},
                                request=request)

    def person_regions(self, item, participant, request=None) -> str:
        return render_to_string("program/questions/live.html#marks",
                                {"votes": services.my_votes(item, participant)})

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string("program/questions/panel.html",
                                {"item": item, "form": AskForm(), "seminar": item.day.seminar}, request=request)

    def tablet_regions(self, item, request=None) -> str:
        return render_to_string("program/questions/live.html#tablet",
                                {"item": item, "questions": Question.objects.filter(item=item).ranked(),
                                 "seminar": item.day.seminar}, request=request)
