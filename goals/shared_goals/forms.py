from django import forms
from django.utils.translation import gettext_lazy as _

from goals.forms import VersionedForm, text_field
from goals.models.goals import MAX_GOAL_TEXT

GOAL_FIELDS = ["what", "why", "how_we_know"]


class GoalForm(VersionedForm):
    what = text_field(
        _("What must we succeed with?"),
        MAX_GOAL_TEXT,
        rows=3,
        missing=_("Write what we must succeed with first."),
    )
    why = text_field(_("Why?"), MAX_GOAL_TEXT, required=False, rows=3)
    how_we_know = text_field(_("How will we know?"), MAX_GOAL_TEXT, required=False, rows=3)

    def __init__(self, *args, seminar=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The year is the seminar's own (its program file's goal_year); no year is neutral.
        if seminar is not None and seminar.goal_year:
            self.fields["what"].label = _("What must we succeed with in %(year)s?") % {
                "year": seminar.goal_year
            }

    @classmethod
    def for_goal(cls, goal, seminar=None) -> "GoalForm":
        if goal is None:
            return cls(seminar=seminar)
        return cls(
            version=goal.version,
            initial={name: getattr(goal, name) for name in GOAL_FIELDS},
            seminar=seminar,
        )


class GoalActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ("lock", "unlock", "hide", "unhide")])
