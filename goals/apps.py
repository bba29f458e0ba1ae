from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Goals"

    def ready(self) -> None:
        from program.activities import ActivityKind, register

        for key, label in [
            ("cases", _("Co-creation cases")),
            ("goal_writing", _("Shared goals")),
            ("goal_plenum", _("Goals in plenum")),
            ("department_plans", _("Department plans")),
            ("commitments", _("What we say at home")),
        ]:
            register(ActivityKind(key, label, interactive=True))
