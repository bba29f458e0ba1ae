"""The soapbox activity: groups in parallel, each in its own phase, run by its process leader."""

from program.activities import ActivityKind
from program.soapbox import regions


class SoapboxKind(ActivityKind):
    projector_template = "program/soapbox/projector.html"
    regions = regions.REGIONS
