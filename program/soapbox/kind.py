"""The soapbox activity: groups in parallel, each in its own phase, run by its process leader."""

from program.activities import ActivityKind
from program.soapbox import regions, selectors


class SoapboxKind(ActivityKind):
    projector_template = "program/soapbox/projector.html"

    def projector_context(self, item) -> dict:
        return {"soapbox_phases": selectors.PHASES}

    def group_regions(self, item, group, request=None) -> str:
        return regions.group_element(item, group, request)

    def person_regions(self, item, participant, request=None) -> str:
        return regions.person_element(item, participant, request)

    def tablet_regions(self, item, request=None) -> str:
        return regions.tablet_element(item, request)
