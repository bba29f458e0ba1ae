"""A poll's fields in the program file (program/poll/README.md), checked line by line.

`read` is PollKind.read_settings: what it returns is stored in AgendaItem.settings, and
export writes it back unchanged.
"""

from django.utils.translation import gettext as _

NAMES = ("question", "question_en", "options", "options_en", "choice")
MIN_OPTIONS, MAX_OPTIONS = 2, 8
MAX_QUESTION = 300
MAX_OPTION = 120
CHOICES = ("single", "multiple")


def _text(fields: dict, name: str, limit: int, problem, required: bool) -> str:
    value = fields.get(name, "")
    if not isinstance(value, str):
        problem(name, _("%(field)s must be a text") % {"field": name})
    elif required and not value.strip():
        problem(name, _('a poll needs its %(field)s: %(field)s = "..."') % {"field": name})
    elif len(value.strip()) > limit:
        problem(
            name,
            _("%(field)s is %(length)s characters long; at most %(limit)s")
            % {"field": name, "length": len(value.strip()), "limit": limit},
        )
    else:
        return value.strip()
    return ""


def _options(fields: dict, name: str, problem, count: int | None) -> list[str] | None:
    """The list of option texts (English: as many as the Danish ones, "" keeps a Danish one)."""
    value = fields.get(name)
    if not isinstance(value, list) or not all(isinstance(text, str) for text in value):
        problem(
            name,
            _('%(field)s must be a list of texts, e.g. %(field)s = ["Ja", "Nej"]')
            % {"field": name},
        )
        return None
    if count is None and not MIN_OPTIONS <= len(value) <= MAX_OPTIONS:
        problem(
            name,
            _("a poll has %(lowest)s to %(highest)s options; this one has %(count)s")
            % {"lowest": MIN_OPTIONS, "highest": MAX_OPTIONS, "count": len(value)},
        )
        return None
    if count is not None and len(value) != count:
        problem(
            name,
            _(
                "%(field)s has %(texts)s texts for %(count)s options; "
                'give one for each ("" keeps the Danish)'
            )
            % {"field": name, "texts": len(value), "count": count},
        )
        return None
    texts = [text.strip() for text in value]
    fine = True
    for number, text in enumerate(texts, start=1):
        if count is None and not text:
            problem(
                name,
                _("option %(number)s of %(field)s is empty") % {"number": number, "field": name},
            )
            fine = False
        elif len(text) > MAX_OPTION:
            problem(
                name,
                _("option %(number)s of %(field)s is %(length)s characters long; at most %(limit)s")
                % {"number": number, "field": name, "length": len(text), "limit": MAX_OPTION},
            )
            fine = False
    filled = [text.casefold() for text in texts if text]
    if len(set(filled)) < len(filled):
        problem(name, _("two options of %(field)s read the same") % {"field": name})
        fine = False
    return texts if fine else None


def read(fields: dict, line_of, problems: list) -> dict:
    """The poll's settings: question (and question_en), 2-8 options (and options_en), choice."""

    def problem(name: str, message: str) -> None:
        problems.append((line_of(name), message))

    settings: dict = {"question": _text(fields, "question", MAX_QUESTION, problem, required=True)}
    if "question_en" in fields:
        settings["question_en"] = _text(
            fields, "question_en", MAX_QUESTION, problem, required=False
        )
    options = _options(fields, "options", problem, None)
    if options is not None:
        settings["options"] = options
        if "options_en" in fields:
            english = _options(fields, "options_en", problem, len(options))
            if english is not None:
                settings["options_en"] = english
    choice = fields.get("choice", "single")
    if choice not in CHOICES:
        problem(
            "choice",
            _('choice must be "single" (one option) or "multiple" (one or more), not %(value)s')
            % {"value": repr(choice)},
        )
    settings["choice"] = choice if choice in CHOICES else "single"
    return settings
