"""Two tablets pressing "Næste" at the same moment move the program one step."""

import threading

import pytest
from django.db import connection

from program import selectors, services
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def press_together(seminar, version: int, presses: int = 2) -> list[str]:
    barrier = threading.Barrier(presses)
    outcomes: list[str] = []

    def press() -> None:
        try:
            barrier.wait()
            services.step(seminar=seminar, version=version, forward=True)
            outcomes.append("moved")
        except services.StaleVersion:
            outcomes.append("stale")
        except Exception as error:  # anything else is a failure the assertion shows
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=press) for _ in range(presses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_simultaneous_next_moves_exactly_one_step_every_time():
    seminar = factories.seminar()
    selectors.live_state(seminar)

    for round_number in range(1, 5):
        outcomes = press_together(seminar, version=round_number, presses=3)

        assert sorted(outcomes) == ["moved", "stale", "stale"], outcomes
        state = selectors.live_state(seminar)
        assert state.version == round_number + 1
        assert state.item.title == factories.items(seminar)[round_number - 1].title
