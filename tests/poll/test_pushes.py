"""What each screen is sent: the projector's and the tablets' bars on every vote, each phone's
own ballot when the poll opens or closes, the voter's own ballot, and the phones' results
while they are shown; nothing while the poll is not the item on."""

import pytest
from django.test.utils import override_settings

from program.poll import services
from seminar import live
from tests import factories
from tests.poll.conftest import make_poll
from tests.pushes import Listener

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def danish_only():
    with override_settings(LANGUAGES=[("da", "Dansk")]):
        yield


def listeners(seminar, *audiences) -> dict[str, Listener]:
    return {audience: Listener(seminar.pk, audience) for audience in audiences}


def ids(frames: list[str]) -> list[str]:
    return [frame if frame.startswith(live.CONTROL) else frame.split('"', 2)[1] for frame in frames]


def test_opening_redraws_every_screen_and_each_phones_own_ballot(poll, seminar):
    ears = listeners(seminar, "projector-da", "facilitator-da", "participant-da")

    services.open_poll(item=poll)

    assert "Stem på din telefon. 0 personer har stemt." in ears["projector-da"].frames()[0]
    assert ids(ears["facilitator-da"].frames()) == ["poll-tablet"]
    assert sorted(ids(ears["participant-da"].frames())) == sorted([live.RESYNC_OWN, "poll-results"])


def test_a_vote_moves_the_bars_and_resyncs_the_voters_phones(open_poll, seminar, participant):
    services.show_results(item=open_poll, shown=True)
    ears = listeners(
        seminar, "projector-da", "facilitator-da", "participant-da", f"person-{participant.pk}"
    )

    services.vote(item=open_poll, voter=participant, options=[1])

    assert "1\u00a0stemme · 100\u00a0%" in ears["projector-da"].frames()[0]
    assert "1\u00a0stemme · 100\u00a0%" in ears["facilitator-da"].frames()[0]
    phones = ears["participant-da"].frames()
    assert ids(phones) == ["poll-results"] and "1\u00a0stemme · 100\u00a0%" in phones[0]
    assert ears[f"person-{participant.pk}"].frames() == [live.RESYNC_OWN]


def test_hidden_results_are_not_sent_to_the_phones(open_poll, seminar, participant):
    ears = listeners(seminar, "participant-da", "projector-da")

    services.vote(item=open_poll, voter=participant, options=[0])

    assert ears["projector-da"].frames()
    assert ears["participant-da"].frames(at_least=0, deadline=0.5) == []


def test_a_poll_that_is_not_on_sends_nothing(seminar, participant):
    item = make_poll(seminar, on=False)
    ears = listeners(seminar, "projector-da", "facilitator-da", "participant-da")

    services.open_poll(item=item)
    services.vote(item=item, voter=participant, options=[0])

    assert [ear.frames(at_least=0, deadline=0.5) for ear in ears.values()] == [[], [], []]
    assert factories.items(seminar)[1].poll.is_open
