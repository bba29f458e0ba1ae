"""The interviews' parts of the seminar report: what the plenum may see, never more.

Interviews are listed with the interviewer's name only when they agreed to show it;
the tables' red threads and differences and the plenum's picks follow under their items.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from interviews import privacy
from interviews.models import Interview, Pick, TableCard
from program.report import (
    KEEP_IDENTIFYING,
    ReportSection,
    by_group,
    by_item,
    group_name,
    in_cut,
    item_columns,
    split_hidden,
    yes,
)
from seminar.models import Seminar

PARTS = "interviews/report.html"


def _redacted(interview: Interview) -> Interview:
    """A flagged interview with what the privacy check found replaced (in memory), unless kept."""
    if interview.identifying and not KEEP_IDENTIFYING.get():
        mark = "[" + gettext("removed") + "]"
        for name in ("who", "said", "quotes"):
            setattr(interview, name, privacy.redact(getattr(interview, name), mark))
        interview.redacted = True
    return interview


def _interviews(seminar: Seminar) -> list[Interview]:
    return [
        _redacted(interview)
        for interview in in_cut(Interview.objects.filter(seminar=seminar), "author")
        .select_related("author")
        .order_by("created_at", "pk")
    ]


def interview_parts(seminar: Seminar) -> dict:
    shown, hidden = split_hidden(_interviews(seminar))
    return {None: {"shown": shown, "hidden": hidden}} if shown or hidden else {}


def interview_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            "who": interview.who,
            "said": interview.said,
            "quotes": interview.quotes,
            "tags": ", ".join(str(label) for label in interview.tag_labels),
            "interviewer": interview.shown_name,
            "identifying": ", ".join(interview.identifying_labels),
            "hidden": yes(interview.hidden),
        }
        for interview in _interviews(seminar)
    ]


def _cards(seminar: Seminar) -> list[TableCard]:
    return list(
        in_cut(TableCard.objects.filter(item__day__seminar=seminar), "author", "group")
        .select_related("item__day", "group")
        .order_by("item__day__date", "item__position", "group__number", "created_at", "pk")
    )


def card_parts(seminar: Seminar) -> dict:
    parts = {}
    for item_id, cards in by_item(_cards(seminar)).items():
        shown, hidden = split_hidden(cards)
        tables = [
            (
                group,
                [c for c in mine if c.kind == TableCard.Kind.THREAD],
                [c for c in mine if c.kind == TableCard.Kind.DIFFERENCE],
            )
            for group, mine in by_group(shown)
        ]
        parts[item_id] = {"tables": tables, "hidden": hidden}
    return parts


def card_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(card.item),
            "table": group_name(card.group),
            "kind": card.get_kind_display(),
            "text": card.text,
            "hidden": yes(card.hidden),
        }
        for card in _cards(seminar)
    ]


def _picks(seminar: Seminar) -> list[Pick]:
    picks = list(
        in_cut(Pick.objects.filter(item__day__seminar=seminar), "interview__author")
        .select_related("item__day", "interview__author")
        .order_by("item__day__date", "item__position", "created_at", "pk")
    )
    for pick in picks:
        _redacted(pick.interview)
    return picks


def pick_parts(seminar: Seminar) -> dict:
    parts = {}
    for item_id, picks in by_item(_picks(seminar)).items():
        parts[item_id] = {
            "shown": [p for p in picks if not p.interview.hidden],
            "hidden": [p for p in picks if p.interview.hidden],
        }
    return parts


def pick_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(pick.item),
            "tag": pick.tag_label,
            "who": pick.interview.who,
            "interviewer": pick.interview.shown_name,
            "hidden": yes(pick.interview.hidden),
        }
        for pick in _picks(seminar)
    ]


SECTIONS = [
    ReportSection(
        "interviews",
        _("Citizen interviews"),
        f"{PARTS}#interviews",
        interview_parts,
        ("who", "said", "quotes", "tags", "interviewer", "identifying", "hidden"),
        interview_rows,
        position=5,
    ),
    ReportSection(
        "interview_cards",
        _("Red threads and differences"),
        f"{PARTS}#cards",
        card_parts,
        ("date", "item", "table", "kind", "text", "hidden"),
        card_rows,
        position=60,
    ),
    ReportSection(
        "interview_picks",
        _("Interviews picked for the plenum"),
        f"{PARTS}#picks",
        pick_parts,
        ("date", "item", "tag", "who", "interviewer", "hidden"),
        pick_rows,
        position=65,
    ),
]
