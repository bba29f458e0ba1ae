from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Goals"

    def ready(self) -> None:
        from goals import report as goal_report
        from goals.cases.kind import CasesKind
        from goals.commitments.kind import CommitmentsKind
        from goals.models import Case
        from goals.plans.kind import DepartmentPlansKind
        from goals.shared_goals.kind import GoalPlenumKind, GoalWritingKind
        from program import homework, report
        from program.activities import register

        register(CasesKind("cases", _("Co-creation cases"), interactive=True))
        register(GoalWritingKind("goal_writing", _("Shared goals"), interactive=True))
        register(GoalPlenumKind("goal_plenum", _("Goals in plenum"), interactive=True))
        register(DepartmentPlansKind("department_plans", _("Department plans"), interactive=True))
        register(CommitmentsKind("commitments", _("What we say at home"), interactive=True))
        homework.register(
            homework.HomeworkTask(
                "case",
                _("Your own co-creation case"),
                "goals:case",
                handed_in=lambda seminar: set(
                    Case.objects.filter(seminar=seminar).values_list("author_id", flat=True)
                ),
                position=20,
                kinds=("cases",),
            )
        )
        for section in goal_report.SECTIONS:
            report.register(section)
