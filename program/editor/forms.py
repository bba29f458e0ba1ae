"""The program editor's forms. They check what a form can (a time is a time); the program's
own rules are the import's, checked on the whole program when it is saved (services.py)."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from program import activities, homework
from program.programfields import ITEM_SETTINGS
from seminar.department_word import MAX_WORD, word_problem

# An ISO time in a time input, whatever the page's language (docs: LESSONS, date inputs).
TIME = {"widget": forms.TimeInput(format="%H:%M", attrs={"type": "time"}), "required": False}
ENGLISH_HELP = _("Shown on English screens; empty: the Danish text.")


def _kinds() -> list[tuple[str, str]]:
    return [(kind.key, str(kind.label)) for kind in activities.all_kinds()]


class DayForm(forms.Form):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    title = forms.CharField(label=_("Title of the day"), max_length=120)
    title_en = forms.CharField(
        label=_("Title in English"), max_length=120, required=False, help_text=ENGLISH_HELP
    )


class ItemBasics(forms.Form):
    start = forms.TimeField(label=_("Starts at"), **TIME)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=0, max_value=24 * 60, initial=0)
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of item"), initial="info")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _kinds()


class AddItemForm(ItemBasics):
    day = forms.ChoiceField(label=_("Day"))
    field_order = ("day", "start", "minutes", "title", "kind")

    def __init__(self, *args, days, **kwargs) -> None:
        super().__init__(*args, prefix="new", **kwargs)
        self.fields["day"].choices = [
            (day.date.isoformat(), f"{day.title} ({day.date:%d.%m.%Y})") for day in days
        ]

    def clean_day(self) -> dt.date:
        return dt.date.fromisoformat(self.cleaned_data["day"])


class ItemForm(ItemBasics):
    """Every field of an item, named as in the program file (docs/program-format.md)."""

    title_en = forms.CharField(
        label=_("Title in English"), max_length=200, required=False, help_text=ENGLISH_HELP
    )
    secret = forms.BooleanField(label=_("Hidden until I reveal it (a surprise)"), required=False)
    grouping = forms.ChoiceField(label=_("Grouping"), required=False)
    round = forms.IntegerField(
        label=_("Round of the grouping"), min_value=1, max_value=20, initial=1
    )
    speakers = forms.IntegerField(label=_("Speakers per group (soapbox)"), required=False)
    prepare_minutes = forms.IntegerField(label=_("Minutes to prepare (soapbox)"), required=False)
    leads = forms.CharField(label=_("Who leads"), max_length=200, required=False)
    leads_en = forms.CharField(label=_("Who leads, in English"), max_length=200, required=False)
    place = forms.CharField(label=_("Meeting place"), max_length=200, required=False)
    place_en = forms.CharField(label=_("Meeting place in English"), max_length=200, required=False)
    returns_at = forms.TimeField(label=_("Back at"), **TIME)
    text = forms.CharField(
        label=_("Text for the participants"), required=False, widget=forms.Textarea({"rows": 5})
    )
    text_en = forms.CharField(
        label=_("Text for the participants, in English"),
        required=False,
        widget=forms.Textarea({"rows": 5}),
        help_text=ENGLISH_HELP,
    )
    notes = forms.CharField(
        label=_("Notes for the facilitators"), required=False, widget=forms.Textarea({"rows": 4})
    )
    notes_en = forms.CharField(
        label=_("Notes for the facilitators, in English"),
        required=False,
        widget=forms.Textarea({"rows": 4}),
    )

    def __init__(self, *args, groupings: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grouping"].choices = [("", _("None"))] + [(name, name) for name in groupings]


def item_values(data: dict) -> dict:
    """A form's cleaned data as the item's program-file fields, leaving out what is empty."""
    values = {}
    for name, value in data.items():
        if name == "day" or value in (None, "", False) or (name == "round" and value == 1):
            continue
        values[name] = value.strftime("%H:%M") if isinstance(value, dt.time) else value
    if "minutes" not in values:
        values["minutes"] = 0
    return values


def item_initial(item: dict) -> dict:
    """An item's program-file fields as a form's initial values."""
    initial = {name: value for name, value in item.items() if name != "key"}
    for name in ("start", "returns_at"):
        if initial.get(name):
            initial[name] = dt.time.fromisoformat(initial[name].rjust(5, "0").replace(".", ":"))
    for name in ITEM_SETTINGS:
        initial.setdefault(name, None)
    return initial


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


class RemoveForm(forms.Form):
    confirm = forms.BooleanField(required=False)


class SeminarForm(forms.Form):
    """The seminar's own fields in the program file ([seminar]): its texts, words and homework."""

    title = forms.CharField(label=_("Title"), max_length=200)
    title_en = forms.CharField(
        label=_("Title in English"), max_length=200, required=False, help_text=ENGLISH_HELP
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    place_en = forms.CharField(label=_("Place in English"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea({"rows": 4})
    )
    description_en = forms.CharField(
        label=_("Description in English"), required=False, widget=forms.Textarea({"rows": 4})
    )
    goal_year = forms.CharField(label=_("Year the goals aim at"), max_length=20, required=False)
    homework = forms.MultipleChoiceField(
        label=_("Homework"), required=False, widget=forms.CheckboxSelectMultiple
    )
    # The word for a department, as two inputs here and one [word, plural] pair in the file.
    department_word = forms.CharField(
        label=_("Word for a department"),
        max_length=MAX_WORD,
        required=False,
        help_text=_("In Danish, e.g. enhed; empty: afdeling."),
    )
    department_words = forms.CharField(label=_("Its plural"), max_length=MAX_WORD, required=False)
    department_word_en = forms.CharField(
        label=_("Word for a department in English"), max_length=MAX_WORD, required=False
    )
    department_words_en = forms.CharField(
        label=_("Its plural in English"), max_length=MAX_WORD, required=False
    )
    colour = forms.CharField(
        label=_("Colour"),
        max_length=7,
        required=False,
        help_text=_("# and six hex digits, e.g. #0b4f8a; empty: the standard colours."),
    )
    data_controller = forms.CharField(label=_("Data controller"), max_length=200, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["homework"].choices = [
            (task.key, str(task.label)) for task in homework.registered()
        ]
        for name in WORD_PAIRS:
            pair = self.initial.get(name)
            if isinstance(pair, list) and len(pair) == 2:
                self.initial[name], self.initial[name.replace("word", "words")] = pair

    def clean(self) -> dict:
        data = super().clean()
        for name in WORD_PAIRS:
            pair = [data.get(name, ""), data.get(name.replace("word", "words"), "")]
            problem = word_problem(pair) if any(pair) else None
            if problem is not None:
                self.add_error(name, _("Give the word and its plural, in letters."))
            data[name] = pair if any(pair) and problem is None else ""
            data.pop(name.replace("word", "words"), None)
        return data


WORD_PAIRS = ("department_word", "department_word_en")


def seminar_values(data: dict) -> dict:
    """A SeminarForm's cleaned data as the file's [seminar] fields, leaving out what is empty."""
    return {name: value for name, value in data.items() if value not in ("", [], None)}
