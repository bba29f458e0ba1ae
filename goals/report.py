"""The goals app's parts of the seminar report: cases, posters, analyses, goals, plans, Monday,
management.

Only what the room shared: the cases with their people, the big groups' picks, posters and
analyses, the goals with their handshakes, the department plans, the Monday actions
their authors chose to share (without names), the closing block's messages and audiences
(counted, never with who wrote them) and management's message. Takeaways and
agreements are private and never read here.
"""

from collections import Counter

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from goals.models import (
    Case,
    CaseAnalysis,
    CasePick,
    Commitment,
    CommitmentMessage,
    DepartmentPlan,
    Goal,
    Handshake,
    ManagementMessage,
    PosterNote,
)
from groups import selectors as group_selectors
from program.report import (
    CUT,
    ReportSection,
    by_group,
    by_item,
    group_name,
    in_cut,
    in_program_order,
    item_columns,
    split_hidden,
    yes,
)
from seminar.models import Seminar

PARTS = "goals/report.html"


def _cases(seminar: Seminar) -> list[tuple]:
    """(item, group, case) for the members' cases at each cases item, then (None, None, case) for
    the rest."""
    cases = {
        case.author_id: case
        for case in in_cut(Case.objects.filter(seminar=seminar), "author").select_related(
            "author", "seminar"
        )
    }
    placed, seen = [], set()
    for item in in_program_order(seminar, "cases"):
        round_ = group_selectors.round_for_item(item)
        for group, people in group_selectors.round_members(round_) if round_ else []:
            for person in people:
                if person.pk in cases:
                    placed.append((item, group, cases[person.pk]))
                    seen.add(person.pk)
    return placed + [
        (None, None, case) for author_id, case in cases.items() if author_id not in seen
    ]


def case_parts(seminar: Seminar) -> dict:
    parts: dict = {}
    for item, group, case in _cases(seminar):
        parts.setdefault(item.pk if item else None, {"groups": {}})["groups"].setdefault(
            group, []
        ).append(case)
    for part in parts.values():
        part["groups"] = list(part["groups"].items())
    return parts


def case_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **(item_columns(item) if item else {}),
            "group": group_name(group),
            "author": case.author.name,
            "title": case.title,
            "what_happened": case.what_happened,
            "partners": _partners(case),
            "achieved": case.achieved,
            "themes": case.themes,
        }
        for item, group, case in _cases(seminar)
    ]


def _partners(case: Case) -> str:
    return ", ".join(
        [*case.partner_labels, *([case.partners_other] if case.partners_other else [])]
    )


def _picks(seminar: Seminar) -> list[CasePick]:
    """Every big group's pick, analysed or not (a pick without an analysis is still the group's
    choice)."""
    picks = list(
        in_cut(CasePick.objects.filter(item__day__seminar=seminar), "case__author", "group")
        .select_related("item__day", "group", "case__author")
        .order_by("item__day__date", "item__position", "group__number")
    )
    analysed = set(CaseAnalysis.objects.filter(pick__in=picks).values_list("pick_id", flat=True))
    for pick in picks:
        pick.analysed = pick.pk in analysed
    return picks


def pick_parts(seminar: Seminar) -> dict:
    return {item_id: {"picks": mine} for item_id, mine in by_item(_picks(seminar)).items()}


def pick_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(pick.item),
            "group": pick.group.name,
            "case": pick.case.title,
            "author": pick.case.author.name,
            "analysed": yes(pick.analysed),
        }
        for pick in _picks(seminar)
    ]


def _notes(seminar: Seminar) -> list[PosterNote]:
    return list(
        in_cut(PosterNote.objects.filter(item__day__seminar=seminar), "author", "group")
        .select_related("item__day", "group")
        .order_by("item__day__date", "item__position", "group__number", "created_at", "pk")
    )


def note_parts(seminar: Seminar) -> dict:
    parts = {}
    for item_id, notes in by_item(_notes(seminar)).items():
        shown, hidden = split_hidden(notes)
        groups = [
            (
                group,
                [n for n in mine if n.kind == PosterNote.Kind.THEME],
                [n for n in mine if n.kind == PosterNote.Kind.PRACTICE],
            )
            for group, mine in by_group(shown)
        ]
        parts[item_id] = {"groups": groups, "hidden": hidden}
    return parts


def note_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(note.item),
            "group": group_name(note.group),
            "kind": note.get_kind_display(),
            "text": note.text,
            "hidden": yes(note.hidden),
        }
        for note in _notes(seminar)
    ]


def _analyses(seminar: Seminar) -> list[CaseAnalysis]:
    return list(
        in_cut(
            CaseAnalysis.objects.filter(pick__item__day__seminar=seminar),
            "case__author",
            "pick__group",
        )
        .select_related("pick__item__day", "pick__group", "case__author")
        .order_by("pick__item__day__date", "pick__item__position", "pick__group__number")
    )


def analysis_parts(seminar: Seminar) -> dict:
    return {
        item_id: {"analyses": mine}
        for item_id, mine in by_item(_analyses(seminar), lambda a: a.pick.item_id).items()
    }


def analysis_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(a.pick.item),
            "group": a.pick.group.name,
            "case": a.case.title,
            "author": a.case.author.name,
            "went_well": a.went_well,
            "could_be_better": a.could_be_better,
            "how": a.how,
        }
        for a in _analyses(seminar)
    ]


def _goals_in_cut(seminar: Seminar):
    """A cut's goals: its groups' own, those its department groups made plans for, those its people
    shook."""
    goals = Goal.objects.filter(seminar=seminar)
    cut = CUT.get()
    if cut is None:
        return goals
    planned = DepartmentPlan.objects.filter(group_id__in=cut.groups).values("goal_id")
    shaken = Handshake.objects.filter(participant_id__in=cut.people).values("goal_id")
    return goals.filter(Q(group_id__in=cut.groups) | Q(pk__in=planned) | Q(pk__in=shaken))


def _goals(seminar: Seminar) -> list[Goal]:
    goals = list(
        _goals_in_cut(seminar)
        .select_related("item__day", "group")
        .prefetch_related("handshakes__participant")
        .order_by("item__day__date", "item__position", "group__number", "pk")
    )
    for goal in goals:
        goal.shakers = [handshake.participant.name for handshake in goal.handshakes.all()]
    return goals


def goal_parts(seminar: Seminar) -> dict:
    parts = {}
    for item_id, goals in by_item(_goals(seminar)).items():
        shown, hidden = split_hidden(goals)
        parts[item_id] = {"shown": shown, "hidden": hidden}
    return parts


def goal_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(goal.item),
            "group": goal.group.name,
            "what": goal.what,
            "why": goal.why,
            "how_we_know": goal.how_we_know,
            "locked": yes(goal.locked),
            "handshakes": len(goal.shakers),
            "handshake_names": ", ".join(goal.shakers),
            "hidden": yes(goal.hidden),
        }
        for goal in _goals(seminar)
    ]


def _plans(seminar: Seminar) -> list[DepartmentPlan]:
    return list(
        in_cut(DepartmentPlan.objects.filter(item__day__seminar=seminar), None, "group")
        .select_related("item__day", "group", "goal__group")
        .order_by("item__day__date", "item__position", "group__number", "goal__group__number")
    )


def plan_parts(seminar: Seminar) -> dict:
    parts = {}
    for item_id, plans in by_item(_plans(seminar)).items():
        shown, hidden = split_hidden(plans)
        parts[item_id] = {"groups": by_group(shown), "hidden": hidden}
    return parts


def plan_rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(plan.item),
            "department": plan.group.name,
            "goal_of": plan.goal.group.name,
            "goal": plan.goal.what,
            "requires": plan.requires,
            "how": plan.how,
            "challenges": plan.challenges,
            "meeting_them": plan.meeting_them,
            "hidden": yes(plan.hidden),
        }
        for plan in _plans(seminar)
    ]


def _mondays(seminar: Seminar) -> list[Commitment]:
    """The Monday actions their authors shared with the room: never who wrote them."""
    return list(
        in_cut(Commitment.objects.filter(seminar=seminar, share_monday=True), "author")
        .select_related("item__day")
        .order_by("item__day__date", "item__position", "pk")
    )


def monday_parts(seminar: Seminar) -> dict:
    parts = {}
    for item_id, mondays in by_item(_mondays(seminar)).items():
        shown, hidden = split_hidden(mondays)
        parts[item_id] = {"shown": shown, "hidden": hidden}
    return parts


def monday_rows(seminar: Seminar) -> list[dict]:
    return [
        {**item_columns(c.item), "monday": c.monday, "hidden": yes(c.hidden)}
        for c in _mondays(seminar)
    ]


def _messages(seminar: Seminar) -> tuple[list[tuple[str, int]], list[CommitmentMessage]]:
    """The closing block's messages without their authors: each audience with its count, and the
    messages.

    Audiences are counted as typed, ignoring case and surrounding spaces ("Teamet" and "teamet ").
    """
    messages = list(
        in_cut(CommitmentMessage.objects.filter(commitment__seminar=seminar), "commitment__author")
        .exclude(message="")
        .order_by("audience", "message", "pk")
    )
    shown: dict[str, str] = {}
    counts: Counter = Counter()
    for message in messages:
        key = message.audience.strip().lower()
        shown.setdefault(key, message.audience.strip())
        counts[key] += 1
    return [(shown[key], count) for key, count in counts.most_common()], messages


def message_parts(seminar: Seminar) -> dict:
    audiences, messages = _messages(seminar)
    item = in_program_order(seminar, "commitments").first()
    return (
        {item.pk if item else None: {"audiences": audiences, "messages": messages}}
        if messages
        else {}
    )


def message_rows(seminar: Seminar) -> list[dict]:
    return [
        {"audience": message.audience, "message": message.message}
        for message in _messages(seminar)[1]
    ]


def _management(seminar: Seminar) -> tuple:
    """Management's message and the item it belongs under (the first commitments item, if any)."""
    message = in_cut(ManagementMessage.objects.filter(seminar=seminar), "author").first()
    return message, in_program_order(seminar, "commitments").first()


def management_parts(seminar: Seminar) -> dict:
    message, item = _management(seminar)
    return {item.pk if item else None: {"message": message}} if message else {}


def management_rows(seminar: Seminar) -> list[dict]:
    message, item = _management(seminar)
    return (
        [
            {
                **(item_columns(item) if item else {}),
                "message": message.text,
                "hidden": yes(message.hidden),
            }
        ]
        if message
        else []
    )


SECTIONS = [
    ReportSection(
        "cases",
        _("Co-creation cases"),
        f"{PARTS}#cases",
        case_parts,
        (
            "date",
            "item",
            "group",
            "author",
            "title",
            "what_happened",
            "partners",
            "achieved",
            "themes",
        ),
        case_rows,
        position=70,
    ),
    ReportSection(
        "case_picks",
        _("The big groups' picked cases"),
        f"{PARTS}#picks",
        pick_parts,
        ("date", "item", "group", "case", "author", "analysed"),
        pick_rows,
        position=73,
    ),
    ReportSection(
        "poster_notes",
        _("Posters: themes and best practices"),
        f"{PARTS}#notes",
        note_parts,
        ("date", "item", "group", "kind", "text", "hidden"),
        note_rows,
        position=72,
    ),
    ReportSection(
        "case_analyses",
        _("Case analyses"),
        f"{PARTS}#analyses",
        analysis_parts,
        ("date", "item", "group", "case", "author", "went_well", "could_be_better", "how"),
        analysis_rows,
        position=74,
    ),
    ReportSection(
        "goals",
        _("Shared goals"),
        f"{PARTS}#goals",
        goal_parts,
        (
            "date",
            "item",
            "group",
            "what",
            "why",
            "how_we_know",
            "locked",
            "handshakes",
            "handshake_names",
            "hidden",
        ),
        goal_rows,
        position=80,
    ),
    ReportSection(
        "department_plans",
        _("Department plans"),
        f"{PARTS}#plans",
        plan_parts,
        (
            "date",
            "item",
            "department",
            "goal_of",
            "goal",
            "requires",
            "how",
            "challenges",
            "meeting_them",
            "hidden",
        ),
        plan_rows,
        position=85,
        worded_title=_("Plans per %(department)s"),
    ),
    ReportSection(
        "monday",
        _("Monday actions shared with the room"),
        f"{PARTS}#monday",
        monday_parts,
        ("date", "item", "monday", "hidden"),
        monday_rows,
        position=90,
    ),
    ReportSection(
        "closing_messages",
        _("Messages from the closing block (without names)"),
        f"{PARTS}#messages",
        message_parts,
        ("audience", "message"),
        message_rows,
        position=92,
    ),
    ReportSection(
        "management",
        _("Management's message"),
        f"{PARTS}#management",
        management_parts,
        ("date", "item", "message", "hidden"),
        management_rows,
        position=95,
    ),
]
