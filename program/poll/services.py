"""Voting in a poll, and the facilitator's open, close, reset and show/hide results.

Every change pushes the regions it changed (program.poll.regions), and only while the poll
is the item on: the regions' elements are the same for every poll, so a poll that is not
on must not redraw the one that is.
"""

from django.db import transaction

from program import activities
from program.models import AgendaItem, LiveState
from program.poll import ballots, regions
from program.poll.models import Poll, Vote
from seminar.models import Participant
from seminar.submissions import check_pace

KIND = "poll"


class NotOpen(Exception):
    """The poll does not take votes now (not opened yet, closed, or not this person's seminar)."""


class NotAnOption(Exception):
    """The vote names no option, one the poll does not have, or several in a single-choice poll."""


def _push(item: AgendaItem, *changed, target=None) -> None:
    if LiveState.objects.filter(seminar_id=item.day.seminar_id, item=item).exists():
        activities.push(item, *changed, target=target)


def _locked(item: AgendaItem) -> Poll:
    Poll.objects.get_or_create(item=item)
    return Poll.objects.select_for_update().get(item=item)


@transaction.atomic
def vote(*, item: AgendaItem, voter: Participant, options: list[int]) -> list[int]:
    """Record the voter's choice, in place of any earlier one, while the poll is open.

    Raises NotOpen or NotAnOption (nothing changes) and TooFast past the pace limit. Pushes
    the voter's own ballot to their phones, the counts to the tablets and the projector, and
    to every phone while the results are shown. Returns the options now chosen.
    """
    if item.kind != KIND or item.day.seminar_id != voter.seminar_id:
        raise NotOpen
    Participant.objects.select_for_update().filter(
        pk=voter.pk
    ).first()  # one vote at a time per person
    poll = Poll.objects.filter(item=item).first()
    if poll is None or not poll.is_open:
        raise NotOpen
    chosen = sorted(set(options))
    ballot = ballots.ballot(item)
    if (
        not chosen
        or any(not 0 <= index < len(ballot.options) for index in chosen)
        or (len(chosen) > 1 and not ballot.multiple)
    ):
        raise NotAnOption
    check_pace(voter.pk, "poll")
    Vote.objects.filter(item=item, voter=voter).delete()
    Vote.objects.bulk_create([Vote(item=item, voter=voter, option=index) for index in chosen])
    _push(item, regions.BALLOT, target=voter)
    _push(item, regions.TABLET, regions.BOARD, *([regions.RESULTS] if poll.results_shown else []))
    return chosen


def _every_screen(item: AgendaItem) -> None:
    """Each phone's ballot (a resync of every phone's own part) and every shared region."""
    _push(item, regions.BALLOT)
    _push(item, regions.RESULTS, regions.TABLET, regions.BOARD)


@transaction.atomic
def open_poll(*, item: AgendaItem) -> Poll:
    """Open the poll for votes (again after a close: the votes so far stay). Pushes every region."""
    poll = _locked(item)
    poll.status = Poll.Status.OPEN
    poll.save(update_fields=["status"])
    _every_screen(item)
    return poll


@transaction.atomic
def close_poll(*, item: AgendaItem) -> Poll:
    """Stop taking votes; the votes stay and can still be shown. Pushes every region."""
    poll = _locked(item)
    poll.status = Poll.Status.CLOSED
    poll.save(update_fields=["status"])
    _every_screen(item)
    return poll


@transaction.atomic
def reset(*, item: AgendaItem) -> Poll:
    """Delete every vote and start over: not opened, results hidden. Pushes every region."""
    poll = _locked(item)
    Vote.objects.filter(item=item).delete()
    poll.status, poll.results_shown = Poll.Status.READY, False
    poll.save(update_fields=["status", "results_shown"])
    _every_screen(item)
    return poll


@transaction.atomic
def show_results(*, item: AgendaItem, shown: bool) -> Poll:
    """Show the results on the projector and the phones, or hide them (the tablet always shows)."""
    poll = _locked(item)
    poll.results_shown = shown
    poll.save(update_fields=["results_shown"])
    _push(item, regions.RESULTS, regions.TABLET, regions.BOARD)
    return poll
