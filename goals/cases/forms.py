from django import forms
from django.utils.translation import gettext_lazy as _

from goals.forms import VersionedForm, text_field
from goals.models.cases import MAX_NOTE, MAX_TEXT, MAX_TITLE, PARTNERS, PosterNote, partners_of
from seminar.idfields import IdField
from seminar.submissions import SubmissionForm


class CaseForm(VersionedForm):
    title = text_field(
        _("Title of your case"), MAX_TITLE, rows=0, missing=_("Give your case a title.")
    )
    what_happened = text_field(
        _("What happened?"), MAX_TEXT, rows=5, missing=_("Tell briefly what happened in your case.")
    )
    partners = forms.MultipleChoiceField(
        label=_("Who took part?"),
        choices=PARTNERS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners_other = text_field(_("Others who took part"), MAX_TITLE, required=False, rows=0)
    achieved = text_field(_("What did it achieve?"), MAX_TEXT, required=False, rows=4)
    themes = text_field(_("Its main themes"), MAX_TEXT, required=False, rows=3)

    def __init__(self, *args, seminar=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partners"].choices = partners_of(seminar)

    @classmethod
    def for_case(cls, case, seminar=None) -> "CaseForm":
        if case is None:
            return cls(seminar=seminar)
        return cls(
            seminar=seminar,
            version=case.version,
            initial={
                "title": case.title,
                "what_happened": case.what_happened,
                "partners": case.partners,
                "partners_other": case.partners_other,
                "achieved": case.achieved,
                "themes": case.themes,
            },
        )


class PosterNoteForm(SubmissionForm):
    kind = forms.ChoiceField(
        label=_("What is it?"),
        choices=PosterNote.Kind.choices,
        initial=PosterNote.Kind.THEME,
        widget=forms.RadioSelect,
    )
    text = text_field(_("On the poster"), MAX_NOTE, rows=2)


class TakeawayForm(VersionedForm):
    # Shown on the same phone panel as the poster note form: its own ids and names.
    prefix = "takeaway"

    text = text_field(_("What I take back to my own case"), MAX_TEXT, rows=4)


class PickForm(forms.Form):
    case = IdField(error_messages={"required": _("Choose a case first.")})


class AnalysisForm(VersionedForm):
    went_well = text_field(_("What went well"), MAX_TEXT, required=False, rows=5)
    could_be_better = text_field(_("What could be better"), MAX_TEXT, required=False, rows=5)
    how = text_field(_("How"), MAX_TEXT, required=False, rows=5)
