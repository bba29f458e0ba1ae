"""The program's own parts of the seminar report: the vision track's questions, cards, ideas,
galleries, soapbox.

Only what the room saw or could see: a question's name only when it was not asked
anonymously; of the soapbox only who spoke in which order (drafts, feedback and
action plans are private and never read here).
"""

from collections import Counter

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from groups.selectors import round_for_item
from program import homework, report
from program.models import Comment, Idea, Question, Reaction, Speaker, TableCard
from program.report import (
    ReportSection,
    by_group,
    by_item,
    group_name,
    item_columns,
    split_hidden,
    yes,
)
from seminar.models import Seminar

PARTS = "program/report/parts.html"


def _questions(seminar: Seminar) -> list[Question]:
    return list(
        report.in_cut(Question.objects.filter(item__day__seminar=seminar), "author")
        .annotate(votes=Count("question_votes"))
        .select_related("item__day", "author")
        .order_by("item__day__date", "item__position", "-votes", "created_at", "pk")
    )


def question_parts(seminar: Seminar) -> dict:
    parts = {}
    for item_id, questions in by_item(_questions(seminar)).items():
        shown, hidden = split_hidden(questions)
        parts[item_id] = {"shown": shown, "hidden": hidden}
    return parts


def question_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(q.item),
            "question": q.text,
            "asked_by": q.shown_name,
            "votes": q.votes,
            "answered": yes(q.answered_at is not None),
            "hidden": yes(q.hidden),
        }
        for q in _questions(seminar)
    ]


def _cards(seminar: Seminar) -> list[TableCard]:
    return list(
        report.in_cut(TableCard.objects.filter(item__day__seminar=seminar), "author", "group")
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
                [c for c in mine if c.kind == TableCard.Kind.POSSIBILITY],
                [c for c in mine if c.kind == TableCard.Kind.CHALLENGE],
            )
            for group, mine in by_group(shown)
        ]
        parts[item_id] = {"tables": tables, "hidden": hidden}
    return parts


def card_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(c.item),
            "table": group_name(c.group),
            "kind": c.get_kind_display(),
            "text": c.text,
            "hidden": yes(c.hidden),
        }
        for c in _cards(seminar)
    ]


def _ideas(seminar: Seminar) -> list[Idea]:
    return list(
        report.in_cut(Idea.objects.filter(item__day__seminar=seminar), "author", "group")
        .select_related("item__day__seminar", "group", "author")
        .order_by("item__day__date", "item__position", "group__number", "created_at", "pk")
    )


def idea_parts(seminar: Seminar) -> dict:
    parts = {}
    for item_id, ideas in by_item(_ideas(seminar)).items():
        shown, hidden = split_hidden(ideas)
        parts[item_id] = {"tables": by_group(shown), "hidden": hidden}
    return parts


def idea_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(idea.item),
            "table": group_name(idea.group),
            "author": idea.author.name,
            "idea": idea.text,
            "photo": reverse("program:idea_photo", args=[seminar.slug, idea.pk])
            if idea.photo
            else "",
            "hidden": yes(idea.hidden),
        }
        for idea in _ideas(seminar)
    ]


def _gallery_item(seminar: Seminar) -> dict[int, int]:
    """Each table's vernissage item (the first that shows its gallery)."""
    galleries: dict[int, int] = {}
    for item in report.in_program_order(seminar, "vernissage"):
        round_ = round_for_item(item)
        for group_id in round_.groups.values_list("pk", flat=True) if round_ else []:
            galleries.setdefault(group_id, item.pk)
    return galleries


def _gallery_ideas(seminar: Seminar) -> tuple[dict[int | None, list[Idea]], dict[int, int]]:
    """The ideas of the galleries and any idea that got a reaction or a comment, by vernissage item.

    An idea whose table had no gallery (it cannot happen through the galleries) stays under
    its own brainstorm, so no reaction is lost.
    """
    galleries = _gallery_item(seminar)
    tallies = Counter(
        Reaction.objects.filter(idea__item__day__seminar=seminar).values_list("idea_id", "kind")
    )
    commented = set(
        Comment.objects.filter(idea__item__day__seminar=seminar).values_list("idea_id", flat=True)
    )
    reacted = {idea_id for idea_id, _ in tallies}
    ideas = [
        idea
        for idea in _ideas(seminar)
        if idea.group_id in galleries or idea.pk in reacted or idea.pk in commented
    ]
    for idea in ideas:
        idea.tally = {
            f"{kind}_reactions": tallies[(idea.pk, kind)] for kind in Reaction.Kind.values
        }
        idea.counts = list(idea.tally.values())
    return by_item(ideas, lambda idea: galleries.get(idea.group_id, idea.item_id)), galleries


def reaction_parts(seminar: Seminar) -> dict:
    ideas, _ = _gallery_ideas(seminar)
    parts = {}
    for item_id, mine in ideas.items():
        shown, hidden = split_hidden(mine)
        parts[item_id] = {
            "tables": by_group(shown),
            "hidden": hidden,
            "kinds": Reaction.Kind.choices,
        }
    return parts


def reaction_rows(seminar: Seminar) -> list[dict]:
    ideas, _ = _gallery_ideas(seminar)
    comments = Counter(
        Comment.objects.filter(idea__item__day__seminar=seminar, hidden=False).values_list(
            "idea_id", flat=True
        )
    )
    return [
        {
            **item_columns(item),
            "table": group_name(idea.group),
            "idea": idea.text,
            **idea.tally,
            "comments": comments[idea.pk],
            "idea_hidden": yes(idea.hidden),
        }
        for item in report.in_program_order(seminar)
        for idea in ideas.get(item.pk, [])
    ]


def _comments(seminar: Seminar) -> dict[int | None, list[Comment]]:
    """Every comment, under the vernissage item of its idea's gallery (else the idea's own item)."""
    galleries = _gallery_item(seminar)
    comments = (
        report.in_cut(
            Comment.objects.filter(idea__item__day__seminar=seminar), "author", "idea__group"
        )
        .select_related("idea__item__day", "idea__group", "author")
        .order_by("idea__group__number", "idea__created_at", "idea_id", "created_at", "pk")
    )
    return by_item(comments, lambda c: galleries.get(c.idea.group_id, c.idea.item_id))


def comment_parts(seminar: Seminar) -> dict:
    parts = {}
    for item_id, comments in _comments(seminar).items():
        shown, hidden = split_hidden(comments)
        parts[item_id] = {
            "tables": [
                (group, list(by_item(mine, lambda c: c.idea).items()))
                for group, mine in by_group(shown, lambda c: c.idea.group)
            ],
            "hidden": hidden,
        }
    return parts


def comment_rows(seminar: Seminar) -> list[dict]:
    placed = _comments(seminar)
    return [
        {
            **item_columns(item),
            "table": group_name(c.idea.group),
            "idea": c.idea.text,
            "author": c.author.name,
            "comment": c.text,
            "hidden": yes(c.hidden),
        }
        for item in report.in_program_order(seminar)
        for c in placed.get(item.pk, [])
    ]


def _speakers(seminar: Seminar) -> list[Speaker]:
    """The speaking order of each group's latest draw, in program order."""
    speakers = list(
        report.in_cut(
            Speaker.objects.filter(draw__item__day__seminar=seminar), "participant", "draw__group"
        )
        .select_related("draw__item__day", "draw__group", "participant")
        .order_by(
            "draw__item__day__date",
            "draw__item__position",
            "draw__group__number",
            "draw__created_at",
            "draw_id",
            "order",
        )
    )
    latest = {(s.draw.item_id, s.draw.group_id): s.draw_id for s in speakers}
    return [s for s in speakers if latest[(s.draw.item_id, s.draw.group_id)] == s.draw_id]


def speaker_parts(seminar: Seminar) -> dict:
    return {
        item_id: {"groups": by_group(mine, lambda s: s.draw.group)}
        for item_id, mine in by_item(_speakers(seminar), lambda s: s.draw.item_id).items()
    }


def speaker_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(s.draw.item),
            "group": s.draw.group.name,
            "order": s.order,
            "speaker": s.participant.name,
            "volunteered": yes(s.volunteered),
            "spoke": yes(s.called_at is not None),
        }
        for s in _speakers(seminar)
    ]


def homework_rows(seminar: Seminar) -> list[dict]:
    """Each homework task: how many of the seminar's participants handed it in (never who did
    not)."""
    people = set(report.in_cut(seminar.participants.all(), "pk").values_list("pk", flat=True))
    return [
        {
            "task": str(task.label),
            "handed_in": len(task.handed_in(seminar) & people),
            "participants": len(people),
        }
        for task in homework.tasks(seminar)
    ]


def homework_parts(seminar: Seminar) -> dict:
    rows = homework_rows(seminar)
    return {None: {"tasks": rows}} if rows and rows[0]["participants"] else {}


SECTIONS = [
    ReportSection(
        "homework",
        _("Homework handed in"),
        f"{PARTS}#homework",
        homework_parts,
        ("task", "handed_in", "participants"),
        homework_rows,
        position=1,
    ),
    ReportSection(
        "questions",
        _("Questions from the room"),
        f"{PARTS}#questions",
        question_parts,
        ("date", "item", "question", "asked_by", "votes", "answered", "hidden"),
        question_rows,
        position=10,
    ),
    ReportSection(
        "table_cards",
        _("Table talk cards"),
        f"{PARTS}#cards",
        card_parts,
        ("date", "item", "table", "kind", "text", "hidden"),
        card_rows,
        position=20,
    ),
    ReportSection(
        "ideas",
        _("Ideas"),
        f"{PARTS}#ideas",
        idea_parts,
        ("date", "item", "table", "author", "idea", "photo", "hidden"),
        idea_rows,
        position=30,
    ),
    ReportSection(
        "reactions",
        _("Reactions in the galleries"),
        f"{PARTS}#reactions",
        reaction_parts,
        (
            "date",
            "item",
            "table",
            "idea",
            *(f"{kind}_reactions" for kind in Reaction.Kind.values),
            "comments",
            "idea_hidden",
        ),
        reaction_rows,
        position=40,
    ),
    ReportSection(
        "comments",
        _("Comments in the galleries"),
        f"{PARTS}#comments",
        comment_parts,
        ("date", "item", "table", "idea", "author", "comment", "hidden"),
        comment_rows,
        position=41,
    ),
    ReportSection(
        "speakers",
        _("Speaking order"),
        f"{PARTS}#speakers",
        speaker_parts,
        ("date", "item", "group", "order", "speaker", "volunteered", "spoke"),
        speaker_rows,
        position=50,
    ),
]
