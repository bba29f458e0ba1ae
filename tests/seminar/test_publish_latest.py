"""live.publish_latest: one render per backlog, of the newest state, at most every so often."""

import threading
import time

import pytest
from django.db import transaction

from seminar import live
from seminar.live import outbox


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_publishes_renders_the_newest_state_once_per_backlog(seminar, settings, server_loop):
    every = settings.LIVE_LATEST_EVERY_SECONDS = 0.3
    renders: list[tuple[str, float]] = []
    state = {"wall": "", "other": ""}
    busy, done = threading.Event(), threading.Event()
    outbox.renderer.submit(busy.wait, 5)  # the renderer is busy with something else meanwhile

    def render(key: str):
        def frames():  # reads the state when it renders, as a render reads the database
            renders.append((state[key], time.monotonic()))
            yield "projector-en", state[key]
        return frames

    def change(key: str, value: str) -> None:
        with transaction.atomic():
            state[key] = value
            live.publish_latest(seminar.pk, key, render(key))

    for label in ("first", "second", "third"):
        change("wall", label)
    change("other", "other key")
    busy.set()
    outbox.renderer.submit(done.set)
    assert done.wait(5)
    assert [label for label, _ in renders] == ["third", "other key"]

    # Soon after a render: the next waits out the interval, and shows the last change.
    change("wall", "fourth")
    changed = time.monotonic()
    change("wall", "fifth")
    deadline = time.monotonic() + 5
    while len(renders) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)

    assert [label for label, _ in renders] == ["third", "other key", "fifth"]
    assert renders[2][1] - renders[0][1] >= every - 0.01  # not before the interval was out
    assert renders[2][1] >= changed
