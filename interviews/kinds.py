"""The two interview activities: the tables work on their interviews; the plenum hears the best."""

from django.template.loader import render_to_string

from groups import selectors as group_selectors
from interviews import regions
from interviews.forms import CardForm
from program.activities import ActivityKind


class InterviewTablesKind(ActivityKind):
    """Each table reads its members' interviews and records red threads and differences."""

    has_panel = True
    regions = regions.TABLES

    def phone_panel(self, request, item, participant) -> str:
        group = group_selectors.group_for_item(participant.pk, item)
        return render_to_string("interviews/card_panel.html",
                                {"item": item, "seminar": item.day.seminar, "group": group, "form": CardForm()},
                                request=request)


class InterviewPlenumKind(ActivityKind):
    """The facilitator picks interviews by tag and shows one at a time on the projector."""

    projector_template = "interviews/projector.html"
    regions = regions.PLENUM
