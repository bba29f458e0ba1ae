"""Table talk: what phones, the projector and the tablet show while it is on."""

from django.template.loader import render_to_string

from program.activities import ActivityKind
from program.tabletalk import regions
from program.tabletalk.forms import CardForm


class TableTalkKind(ActivityKind):
    has_panel = True
    projector_template = "program/tabletalk/projector.html"
    regions = regions.REGIONS

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string("program/tabletalk/panel.html",
                                {"item": item, "form": CardForm(), "seminar": item.day.seminar}, request=request)
