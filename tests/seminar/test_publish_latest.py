"""live.publish_latest: one render per backlog, of the newest state, at most every so often."""

import asyncio
import threading
import time

import pytest
from django.db import transaction

from seminar import live


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_publishes_renders_the_newest_state_once_per_backlog(seminar, settings):
    every = settings.LIVE_LATEST_EVERY_SECONDS = 0.3
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop).result()
    loop.call_soon_threadsafe(live.attach_loop)
    asyncio.run_coroutine_threadsafe(asyncio.sleep(0.05), loop).result()
    renders: list[tuple[str, float]] = []
    state = {"wall": "", "other": ""}
    busy, done = threading.Event(), threading.Event()
    live._renderer.submit(busy.wait, 5)  # the renderer is busy with something else meanwhile

    def render(key: str):
        def frames():  # reads the state when it renders, as a render reads the database
            renders.append((state[key], time.monotonic()))
            yield "projector-en", state[key]
        return frames

    def change(key: str, value: str) -> None:
        with transaction.atomic():
            state[key] = value
            live.publish_latest(seminar.pk, key, render(key))

    try:
        for label in ("first", "second", "third"):
            change("wall", label)
        change("other", "other key")
        busy.set()
        live._renderer.submit(done.set)
        assert done.wait(5)
        assert [label for label, _ in renders] == ["third", "other key"]

        # Soon after a render: the next waits out the interval, and shows the last change.
        change("wall", "fourth")
        changed = time.monotonic()
        change("wall", "fifth")
        deadline = time.monotonic() + 5
        while len(renders) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        outbox, live._outbox = live._outbox, None

        async def shutdown() -> None:
            outbox.task.cancel()
            await asyncio.gather(outbox.task, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shutdown(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)

    assert [label for label, _ in renders] == ["third", "other key", "fifth"]
    assert renders[2][1] - renders[0][1] >= every - 0.01  # not before the interval was out
    assert renders[2][1] >= changed
