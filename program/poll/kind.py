"""The poll activity: each phone's ballot, the results, the tablet, the projector's bars."""

from program.activities import ActivityKind
from program.poll import fields, regions


class PollKind(ActivityKind):
    projector_template = "poll/projector.html"
    regions = regions.REGIONS
    urls = "program.poll.urls"
    setting_names = fields.NAMES

    def read_settings(self, fields_given: dict, line_of, problems: list) -> dict:
        return fields.read(fields_given, line_of, problems)
