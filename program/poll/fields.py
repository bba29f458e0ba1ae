"""A poll's fields in the program file (program/poll/README.md), checked line by line.

`read` is PollKind.read_settings: what it returns is stored in AgendaItem.settings, and
export writes it back unchanged.
"""

NAMES = ("question", "question_en", "options", "options_en", "choice")
MIN_OPTIONS, MAX_OPTIONS = 2, 8
MAX_QUESTION = 300
MAX_OPTION = 120
CHOICES = ("single", "multiple")


def _text(fields: dict, name: str, limit: int, problem, required: bool) -> str:
    value = fields.get(name, "")
    if not isinstance(value, str):
        problem(name, f"{name} must be a text")
    elif required and not value.strip():
        problem(name, f'a poll needs its {name}: {name} = "..."')
    elif len(value.strip()) > limit:
        problem(name, f"{name} is {len(value.strip())} characters long; at most {limit}")
    else:
        return value.strip()
    return ""


def _options(fields: dict, name: str, problem, count: int | None) -> list[str] | None:
    """The list of option texts (English: as many as the Danish ones, "" keeps a Danish one)."""
    value = fields.get(name)
    if not isinstance(value, list) or not all(isinstance(text, str) for text in value):
        problem(name, f'{name} must be a list of texts, e.g. {name} = ["Ja", "Nej"]')
        return None
    if count is None and not MIN_OPTIONS <= len(value) <= MAX_OPTIONS:
        problem(
            name, f"a poll has {MIN_OPTIONS} to {MAX_OPTIONS} options; this one has {len(value)}"
        )
        return None
    if count is not None and len(value) != count:
        problem(
            name,
            f"{name} has {len(value)} texts for {count} options; "
            'give one for each ("" keeps the Danish)',
        )
        return None
    texts = [text.strip() for text in value]
    fine = True
    for number, text in enumerate(texts, start=1):
        if count is None and not text:
            problem(name, f"option {number} of {name} is empty")
            fine = False
        elif len(text) > MAX_OPTION:
            problem(
                name,
                f"option {number} of {name} is {len(text)} characters long; at most {MAX_OPTION}",
            )
            fine = False
    filled = [text.casefold() for text in texts if text]
    if len(set(filled)) < len(filled):
        problem(name, f"two options of {name} read the same")
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
            f'choice must be "single" (one option) or "multiple" (one or more), not {choice!r}',
        )
    settings["choice"] = choice if choice in CHOICES else "single"
    return settings
