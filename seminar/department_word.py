"""The seminar's word for a department ([seminar] department_word in docs/program-format.md).

A seminar may call its departments "enhed" or "område"; without its own word the screens
say the neutral "department" ("afdeling" in Danish). Code and model names stay "department"."""

import re
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import get_language, gettext

# One word (letters, with an inner hyphen or space allowed), short enough for a table header.
WORD = re.compile(r"^[^\W\d_]+(?:[- ][^\W\d_]+)*$")
MAX_WORD = 40


def word_problem(value) -> str | None:
    """Why `value` is not a [singular, plural] pair of words, or None when it is."""
    if not isinstance(value, list) or len(value) != 2:
        return 'must be a list of the word and its plural, e.g. ["afdeling", "afdelinger"]'
    for word in value:
        if not isinstance(word, str) or not WORD.match(word.strip()):
            return f"must hold words of letters, not {word!r}"
        if len(word.strip()) > MAX_WORD:
            return f"must hold words of at most {MAX_WORD} letters, not {word!r}"
    return None


@dataclass(frozen=True)
class DepartmentWord:
    """The word in the active language: `one` and `many` in lower case; `own` when the seminar
    gave its own (sentences that the neutral word would change keep their old wording)."""

    one: str
    many: str
    own: bool

    @property
    def One(self) -> str:  # noqa: N802 - read in templates as a capitalised heading
        return capfirst(self.one)

    @property
    def Many(self) -> str:  # noqa: N802 - read in templates as a capitalised heading
        return capfirst(self.many)


def department_word(seminar) -> DepartmentWord:
    """The seminar's word for the active language; English screens use the English pair and,
    without one, the neutral English word."""
    english = (get_language() or "").startswith("en")
    one, many = (
        (getattr(seminar, "department_word_en", ""), getattr(seminar, "department_words_en", ""))
        if english
        else (getattr(seminar, "department_word", ""), getattr(seminar, "department_words", ""))
    )
    if one and many:
        return DepartmentWord(one, many, own=True)
    return DepartmentWord(gettext("department"), gettext("departments"), own=False)
