from django.apps import AppConfig


class PollConfig(AppConfig):
    """A poll: one question, 2-8 options, a vote from each phone and live bars on the projector."""

    name = "program.poll"
    label = "poll"
    verbose_name = "Poll"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from program import activities, report
        from program.poll.kind import PollKind
        from program.poll.report import SECTION
        from seminar import rights

        activities.register(PollKind("poll", _("Poll"), interactive=True))
        report.register(SECTION)
        # A vote counts for the room's result: it stays, by "a former participant".
        rights.register_policy("poll.Vote", "voter", rights.KEEP)
