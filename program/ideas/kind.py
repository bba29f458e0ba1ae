"""The brainstorm: what phones, the projector and the tablet show while it is on."""

from django.template.loader import render_to_string

from program.activities import ActivityKind
from program.ideas import regions
from program.ideas.forms import IdeaForm


class BrainstormKind(ActivityKind):
    has_panel = True
    projector_template = "program/ideas/projector.html"
    regions = regions.REGIONS

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string("program/ideas/panel.html",
                                {"item": item, "form": IdeaForm(), "seminar": item.day.seminar}, request=request)
