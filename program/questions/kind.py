"""The questions activity: what phones, the projector and the tablet show while it is on."""

from django.template.loader import render_to_string

from program.activities import ActivityKind
from program.questions import regions
from program.questions.forms import AskForm


class QuestionsKind(ActivityKind):
    has_panel = True
    projector_template = "program/questions/projector.html"
    regions = regions.REGIONS

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string("program/questions/panel.html",
                                {"item": item, "form": AskForm(), "seminar": item.day.seminar}, request=request)
