from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Interviews"

    def ready(self) -> None:
        from interviews import report as interview_report
        from interviews import selectors
        from interviews.kinds import InterviewPlenumKind, InterviewTablesKind
        from program import homework, report
        from program.activities import register

        register(
            InterviewTablesKind(
                selectors.TABLES_KIND, _("Citizen interviews at the tables"), interactive=True
            )
        )
        register(
            InterviewPlenumKind(selectors.PLENUM_KIND, _("Interviews in plenum"), interactive=True)
        )
        homework.register(
            homework.HomeworkTask(
                "interview",
                _("Citizen interview"),
                "interviews:interview",
                selectors.handed_in,
                position=10,
                kinds=(selectors.TABLES_KIND, selectors.PLENUM_KIND),
            )
        )
        for section in interview_report.SECTIONS:
            report.register(section)
