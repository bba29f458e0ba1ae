"""The brainstorm: what phones, the projector and the tablet show while it is on."""

from django.template.loader import render_to_string

from program.activities import ActivityKind
from program.ideas import selectors
from program.ideas.forms import IdeaForm

class BrainstormKind(ActivityKind):
    has_panel = True
    projector_template = "program/ideas/projector.html"

    def projector_context(self, item) -> dict:
        return selectors.wall(item)

    def group_regions(self, item, group, request=None) -> str:
        context = {**selectors.table_ideas(item, group.pk), "version": selectors.version(item.day.seminar_id)}
        return render_to_string("program/ideas/live.html#table", context, request=request)

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string("program/ideas/panel.html",
                                {"item": item, "form": IdeaForm(), "seminar": item.day.seminar}, request=request)

    def tablet_regions(self, item, request=None) -> str:
        context = {**selectors.tablet(item), "version": selectors.version(item.day.seminar_id)}
        return render_to_string("program/ideas/live.html#tablet", context, request=request)
