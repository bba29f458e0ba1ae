"""A request is answered before the frames it published are rendered (at most so long)."""

import threading
import time

import pytest
from django.db import connection, transaction

from seminar import live
from seminar.live import turns


def answer_a_request(seminar, answering_seconds: float) -> list[str]:
    """A request that publishes a frame and then takes `answering_seconds` to answer."""
    events: list[str] = []
    rendered = threading.Event()

    def render():
        events.append("rendered")
        rendered.set()
        yield "projector-da", "<p>frame</p>"

    def request() -> None:
        try:
            with live.Answering():
                with transaction.atomic():
                    live.publish(seminar.pk, render)
                time.sleep(answering_seconds)  # the view renders its answer
                events.append("answered")
        finally:
            connection.close()  # this thread's; left open, it keeps the test database busy

    thread = threading.Thread(target=request)
    thread.start()
    thread.join(5)
    assert rendered.wait(5)
    return events


@pytest.mark.django_db(transaction=True)
def test_the_frames_wait_for_the_answer_to_the_request_that_committed(seminar, server_loop):
    assert answer_a_request(seminar, 0.05) == ["answered", "rendered"]


@pytest.mark.django_db(transaction=True)
def test_a_slow_answer_does_not_hold_the_frames_back_for_long(seminar, server_loop, monkeypatch):
    monkeypatch.setattr(turns, "ANSWER_FIRST_SECONDS", 0.05)

    assert answer_a_request(seminar, 1.0) == ["rendered", "answered"]
