"""The report's column headers in the reader's language: one label per column key.

Sections name their columns by key (stable, used in code and tests); every export shows
the label instead, so a Danish facilitator gets Danish headers and an English one English.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from seminar.department_word import department_word

LABELS: dict[str, str | Promise] = {
    "field": _("Field"),
    "value": _("Value"),
    "date": _("Date"),
    "item": _("Item"),
    "kind": _("Kind"),
    "planned_start": _("Planned start"),
    "moved_to": _("Moved to"),
    "actual_start": _("Actual start"),
    "minutes": _("Minutes"),
    "question": _("Question"),
    "asked_by": _("Asked by"),
    "votes": _("Votes"),
    "answered": _("Answered"),
    "hidden": _("Hidden"),
    "table": _("Table"),
    "text": _("Text"),
    "author": _("Author"),
    "idea": _("Idea"),
    "photo": _("Photo"),
    "like_reactions": _("I like it"),
    "love_reactions": _("Love it"),
    "idea_reactions": _("Gives me an idea"),
    "comments": _("Comments"),
    "idea_hidden": _("Idea hidden"),
    "comment": _("Comment"),
    "group": _("Group"),
    "order": _("Order"),
    "speaker": _("Speaker"),
    "volunteered": _("Volunteered"),
    "spoke": _("Spoke"),
    "who": _("Who was interviewed"),
    "said": _("What they said"),
    "quotes": _("Quotes"),
    "tags": _("Tags"),
    "interviewer": _("Interviewer"),
    "identifying": _("Identifying data"),
    "tag": _("Tag"),
    "title": _("Title"),
    "themes": _("Main themes"),
    "what_happened": _("What happened"),
    "partners": _("Who took part"),
    "achieved": _("What it achieved"),
    "case": _("Case"),
    "analysed": _("Analysed"),
    "went_well": _("What went well"),
    "could_be_better": _("What could be better"),
    "how": _("How"),
    "what": _("What we must succeed with"),
    "why": _("Why"),
    "how_we_know": _("How we will know"),
    "locked": _("Locked"),
    "handshakes": _("Handshakes"),
    "handshake_names": _("Who shook hands"),
    "department": _("Department"),
    "goal_of": _("Goal of"),
    "goal": _("Goal"),
    "requires": _("What it requires of the department"),
    "challenges": _("Expected challenges"),
    "meeting_them": _("How we meet them"),
    "monday": _("Monday action"),
    "message": _("Message"),
    "audience": _("To whom"),
    "count": _("Count"),
    "task": _("Homework"),
    "handed_in": _("Handed in"),
    "participants": _("Participants"),
    "share": _("Share"),
    "part": _("Part"),
    "place": _("Place"),
    "dates": _("Dates"),
}


def label(key: str, own: dict | None = None) -> str:
    """The header for a column key (a section's `own` labels first); a key without a label is
    shown readably rather than refused."""
    return str((own or {}).get(key) or LABELS.get(key, key.replace("_", " ").capitalize()))


def labels(keys, own: dict | None = None) -> list[str]:
    return [label(key, own) for key in keys]


def worded(seminar) -> dict[str, str]:
    """The headers in the seminar's own word for a department (seminar.department_word)."""
    word = department_word(seminar)
    if not word.own:
        return {}
    return {
        "department": word.One,
        "requires": _("What it requires of our %(department)s") % {"department": word.one},
    }
