from django import forms
from django.utils.translation import gettext_lazy as _

from goals.forms import VersionedForm, text_field
from goals.models.plans import MAX_PLAN_TEXT
from seminar.department_word import department_word


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

    def __init__(self, *args, seminar=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The seminar's own word for a department; the neutral word keeps the old sentences.
        word = department_word(seminar)
        if word.own:
            requires = self.fields["requires"]
            requires.label = _("What does the goal require of our %(department)s?") % {
                "department": word.one
            }
            requires.error_messages["required"] = _(
                "Write what the goal requires of your %(department)s first."
            ) % {"department": word.one}

    @classmethod
    def for_plan(cls, plan, goal_id: int, seminar=None) -> "PlanForm":
        prefix = f"goal{goal_id}"
        if plan is None:
            return cls(prefix=prefix, seminar=seminar)
        return cls(
            prefix=prefix,
            seminar=seminar,
            version=plan.version,
            initial={
                name: getattr(plan, name)
                for name in ("requires", "how", "challenges", "meeting_them")
            },
        )


class PlanHideForm(forms.Form):
    hidden = forms.BooleanField(required=False)
