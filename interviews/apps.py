from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Interviews"

    def ready(self) -> None:
        from program.activities import ActivityKind, register

        register(ActivityKind("interview_tables", _("Citizen interviews at the tables"), interactive=True))
        register(ActivityKind("interview_plenum", _("Interviews in plenum"), interactive=True))
