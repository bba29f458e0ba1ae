"""A poll's live regions: each phone's ballot, the phones' results, the tablet, the projector."""

from program.poll import ballots
from seminar.live.regions import Region, Scope

TEMPLATE = "poll/live.html"


def ballot(item, participant) -> dict:
    """One phone's ballot: the options with its own vote marked, while the poll is open."""
    chosen = ballots.choices_of(item, participant)
    shown = ballots.ballot(item)
    return {
        "item": item,
        "seminar": item.day.seminar,
        "poll": ballots.state(item),
        "ballot": shown,
        "mine": chosen,
        "mine_options": [option for option in shown.options if option.index in chosen],
    }


def results(item, _=None) -> dict:
    """The phones' results: there once the facilitator shows them."""
    poll = ballots.state(item)
    return {
        "item": item,
        "poll": poll,
        "tally": ballots.tally(item) if poll.results_shown else None,
    }


def tablet(item, _=None) -> dict:
    return {
        "item": item,
        "seminar": item.day.seminar,
        "poll": ballots.state(item),
        "ballot": ballots.ballot(item),
        "tally": ballots.tally(item),
    }


def board(item, _=None) -> dict:
    return {
        "item": item,
        "poll": ballots.state(item),
        "ballot": ballots.ballot(item),
        "tally": ballots.tally(item),
    }


BALLOT = Region("poll-ballot", f"{TEMPLATE}#ballot", Scope.PERSON, ballot)
RESULTS = Region("poll-results", f"{TEMPLATE}#results", Scope.PHONES, results, latest=True)
TABLET = Region("poll-tablet", f"{TEMPLATE}#tablet", Scope.TABLETS, tablet, latest=True)
BOARD = Region("poll-board", "poll/projector.html#board", Scope.PROJECTOR, board, latest=True)
REGIONS = (BALLOT, RESULTS, TABLET, BOARD)
