"""The two interview activities: the tables work on their interviews; the plenum hears the best."""

from django.template.loader import render_to_string

from groups import selectors as group_selectors
from interviews import regions
from interviews.forms import CardForm
from interviews.models import Interview, Pick
from program.activities import ActivityKind


class InterviewTablesKind(ActivityKind):
    """Each table reads its members' interviews and records red threads and differences."""

    has_panel = True

    def group_regions(self, item, group, request=None) -> str:
        return regions.table_interviews(item, group, request) + regions.table_cards(item, group, request)

    def phone_panel(self, request, item, participant) -> str:
        group = group_selectors.group_for_item(participant.pk, item)
        return render_to_string("interviews/card_panel.html",
                                {"item": item, "seminar": item.day.seminar, "group": group, "form": CardForm()},
                                request=request)

    def tablet_regions(self, item, request=None) -> str:
        return regions.tables_tablet(item, request)


class InterviewPlenumKind(ActivityKind):
    """The facilitator picks interviews by tag and shows one at a time on the projector."""

    projector_template = "interviews/projector.html"

    def projector_context(self, item) -> dict:
        shown = (Pick.objects.filter(item=item, on_screen=True, interview__in=Interview.objects.visible())
                 .select_related("interview__author").first())
        return {"interview_pick": shown}

    def tablet_regions(self, item, request=None) -> str:
        return regions.plenum_tablet(item, request)
