"""The vernissage: what phones, the projector and the tablet show while it is on."""

from program.activities import ActivityKind
from program.vernissage import regions, services


class VernissageKind(ActivityKind):
    phone_template = "program/vernissage/phone.html"
    projector_template = "program/vernissage/projector.html"
    regions = regions.REGIONS

    def timer_ran_out(self, item, ends_at) -> None:
        """The room's countdown moves the host rota on (announced on the projector and phones)."""
        services.move_by_timer(item=item, ends_at=ends_at)
