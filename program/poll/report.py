"""The poll's part of the seminar report: each poll's options with their votes and shares.

In a department's or a group's report, the votes of its people only.
"""

from django.utils.translation import gettext_lazy as _

from program import report
from program.poll import ballots
from program.poll.models import Poll, Vote
from program.report import ReportSection, item_columns
from seminar.models import Seminar


def _polls(seminar: Seminar) -> list[tuple]:
    """(item, its tally) for each poll that was opened or has votes, in program order."""
    touched = set(Poll.objects.filter(item__day__seminar=seminar).values_list("item_id", flat=True))
    touched |= set(
        Vote.objects.filter(item__day__seminar=seminar).values_list("item_id", flat=True)
    )
    return [
        (item, ballots.tally(item, report.in_cut(Vote.objects.filter(item=item), "voter")))
        for item in report.in_program_order(seminar, "poll")
        if item.pk in touched
    ]


def parts(seminar: Seminar) -> dict:
    return {
        item.pk: {"ballot": ballots.ballot(item), "tally": tally} for item, tally in _polls(seminar)
    }


def rows(seminar: Seminar) -> list[dict]:
    return [
        {
            **item_columns(item),
            "question": ballots.ballot(item).question,
            "option": result.option.text,
            "votes": result.votes,
            "share": f"{result.share} %",
            "voters": tally.voters,
        }
        for item, tally in _polls(seminar)
        for result in tally.results
    ]


SECTION = ReportSection(
    "poll",
    _("Polls"),
    "poll/report.html#part",
    parts,
    ("date", "item", "question", "option", "votes", "share", "voters"),
    rows,
    position=15,
    labels={"option": _("Option"), "voters": _("People who voted")},
)
