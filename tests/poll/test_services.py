"""Voting once, changing the vote, multiple choice, and what a closed or reset poll does."""

import pytest

from program.poll import ballots, services
from program.poll.models import Poll, Vote
from tests import factories
from tests.poll.conftest import make_poll


def counts(item) -> list[int]:
    return [result.votes for result in ballots.tally(item).results]


def test_a_vote_counts_once_and_can_be_changed_while_open(open_poll, participant):
    services.vote(item=open_poll, voter=participant, options=[0])
    services.vote(item=open_poll, voter=participant, options=[0])
    assert counts(open_poll) == [1, 0, 0]

    services.vote(item=open_poll, voter=participant, options=[2])

    assert counts(open_poll) == [0, 0, 1]
    assert ballots.tally(open_poll).voters == 1


def test_shares_are_of_the_people_who_voted(open_poll, seminar):
    for option in (0, 0, 1, 2):
        services.vote(item=open_poll, voter=factories.participant(seminar), options=[option])

    assert [(r.votes, r.share, r.bar) for r in ballots.tally(open_poll).results] == [
        (2, 50, "50.0"),
        (1, 25, "25.0"),
        (1, 25, "25.0"),
    ]


def test_multiple_choice_takes_several_options_and_single_choice_refuses_them(seminar, participant):
    single = make_poll(seminar)
    services.open_poll(item=single)
    with pytest.raises(services.NotAnOption):
        services.vote(item=single, voter=participant, options=[0, 1])

    multiple = make_poll(seminar, choice="multiple")
    services.vote(item=multiple, voter=participant, options=[2, 0, 0])

    assert services.vote(item=multiple, voter=participant, options=[1, 2]) == [1, 2]
    assert counts(multiple) == [0, 1, 1]


@pytest.mark.parametrize("options", [[], [3], [-1]])
def test_a_vote_for_no_option_or_one_it_lacks_is_refused(open_poll, participant, options):
    with pytest.raises(services.NotAnOption):
        services.vote(item=open_poll, voter=participant, options=options)
    assert not Vote.objects.exists()


def test_votes_are_refused_before_opening_after_closing_and_from_another_seminar(poll, participant):
    with pytest.raises(services.NotOpen):
        services.vote(item=poll, voter=participant, options=[0])
    services.open_poll(item=poll)
    services.vote(item=poll, voter=participant, options=[0])
    services.close_poll(item=poll)

    with pytest.raises(services.NotOpen):
        services.vote(item=poll, voter=participant, options=[1])
    with pytest.raises(services.NotOpen):
        services.vote(item=poll, voter=factories.participant(factories.seminar()), options=[1])
    assert counts(poll) == [1, 0, 0]


def test_reopening_keeps_the_votes_and_reset_deletes_them(open_poll, participant):
    services.vote(item=open_poll, voter=participant, options=[1])
    services.show_results(item=open_poll, shown=True)
    services.close_poll(item=open_poll)
    services.open_poll(item=open_poll)
    assert counts(open_poll) == [0, 1, 0]

    services.reset(item=open_poll)

    poll = Poll.objects.get(item=open_poll)
    assert (poll.status, poll.results_shown, counts(open_poll)) == (
        Poll.Status.READY,
        False,
        [0, 0, 0],
    )
