from django import forms
from django.utils.translation import gettext_lazy as _

from goals.forms import VersionedForm, text_field
from goals.models.plans import MAX_PLAN_TEXT


class PlanForm(VersionedForm):
    requires = text_field(
        _("What does the goal require of our department?"),
        MAX_PLAN_TEXT,
        rows=3,
        missing=_("Write what the goal requires of the department first."),
    )
    how = text_field(_("How do we get there?"), MAX_PLAN_TEXT, required=False, rows=3)
    challenges = text_field(
        _("Which challenges do we expect?"), MAX_PLAN_TEXT, required=False, rows=3
    )
    meeting_them = text_field(_("How do we meet them?"), MAX_PLAN_TEXT, required=False, rows=3)

    @classmethod
    def for_plan(cls, plan, goal_id: int) -> "PlanForm":
        prefix = f"goal{goal_id}"
        if plan is None:
            return cls(prefix=prefix)
        return cls(
            prefix=prefix,
            version=plan.version,
            initial={
                name: getattr(plan, name)
                for name in ("requires", "how", "challenges", "meeting_them")
            },
        )


class PlanHideForm(forms.Form):
    hidden = forms.BooleanField(required=False)
