"""The vernissage: what phones, the projector and the tablet show while it is on."""

from django.template.loader import render_to_string
from django.utils.html import format_html

from program.activities import ActivityKind
from program.ideas.selectors import version
from program.vernissage import selectors, services


class VernissageKind(ActivityKind):
    phone_template = "program/vernissage/phone.html"
    projector_template = "program/vernissage/projector.html"

    def projector_context(self, item) -> dict:
        return selectors.projector(item)

    def group_regions(self, item, group, request=None) -> str:
        context = {**selectors.host_view(item, group), "version": version(item.day.seminar_id)}
        return render_to_string("program/vernissage/live.html#hosts", context, request=request)

    def person_regions(self, item, participant, request=None) -> str:
        """Who this phone is: the group's "you host now" / "go visiting" lines show by it."""
        return format_html('<div id="my-marks" data-marks="p-{}" hidden></div>', participant.pk)

    def tablet_regions(self, item, request=None) -> str:
        context = {**selectors.tablet(item), "version": version(item.day.seminar_id)}
        return render_to_string("program/vernissage/live.html#tablet", context, request=request)

    def timer_ran_out(self, item, ends_at) -> None:
        """The facilitator's countdown moves the host rota on (announced on the projector and phones)."""
        services.move_by_timer(item=item, ends_at=ends_at)
