"""Table talk: what phones, the projector and the tablet show while it is on."""

from django.template.loader import render_to_string

from program.activities import ActivityKind
from program.ideas.selectors import version
from program.tabletalk import selectors
from program.tabletalk.forms import CardForm


class TableTalkKind(ActivityKind):
    has_panel = True
    projector_template = "program/tabletalk/projector.html"

    def projector_context(self, item) -> dict:
        return selectors.shown(item)

    def group_regions(self, item, group, request=None) -> str:
        context = {**selectors.table_cards(item, group.pk), "version": version(item.day.seminar_id)}
        return render_to_string("program/tabletalk/live.html#table", context, request=request)

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string("program/tabletalk/panel.html",
                                {"item": item, "form": CardForm(), "seminar": item.day.seminar}, request=request)

    def tablet_regions(self, item, request=None) -> str:
        context = {**selectors.tablet(item), "version": version(item.day.seminar_id)}
        return render_to_string("program/tabletalk/live.html#tablet", context, request=request)
