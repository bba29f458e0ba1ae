"""live.publish_latest: renders queued behind another of the same key are skipped."""

import asyncio
import threading

import pytest
from django.db import transaction

from seminar import live


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_publishes_renders_the_newest_state_once_per_backlog(seminar):
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop).result()
    loop.call_soon_threadsafe(live.attach_loop)
    asyncio.run_coroutine_threadsafe(asyncio.sleep(0.05), loop).result()
    renders: list[str] = []
    busy, done = threading.Event(), threading.Event()
    live._renderer.submit(busy.wait, 5)  # the renderer is busy with something else meanwhile

    def render(label: str):
        def frames():
            renders.append(label)
            yield "projector-en", label
        return frames

    try:
        for label in ("first", "second", "third"):
            with transaction.atomic():
                live.publish_latest(seminar.pk, "wall", render(label))
        with transaction.atomic():
            live.publish_latest(seminar.pk, "other", render("other key"))
        busy.set()
        live._renderer.submit(done.set)
        assert done.wait(5)
    finally:
        outbox, live._outbox = live._outbox, None

        async def shutdown() -> None:
            outbox.task.cancel()
            await asyncio.gather(outbox.task, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shutdown(), loop).result(5)
        loop.call_soon_threadsafe(loop.stop)

    assert renders == ["third", "other key"]
