"""Listen to an audience's pushes through the real channel layer, as a relay would.

The listener lives on its own event loop in a thread, because a Redis layer's
subscriptions belong to the loop that made them.
"""

import asyncio
import threading
import time

from channels.layers import InMemoryChannelLayer, get_channel_layer

from seminar.live import group_name


class Listener:
    def __init__(self, seminar_id: int, audience: str) -> None:
        self.group = group_name(seminar_id, audience)
        self.received: list[str] = []
        self.ready = threading.Event()
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self._listen(), self.loop)
        if not self.ready.wait(5):
            raise RuntimeError("listener could not join its group")

    async def _listen(self) -> None:
        layer = get_channel_layer()
        channel = await layer.new_channel()
        await layer.group_add(self.group, channel)
        self.ready.set()
        # The in-memory layer's queue is filled from other loops' threads, which cannot wake
        # this loop: short waits poll their frames up. Never so on Redis: a cancelled receive
        # there unsubscribes the channel, and a frame that arrives meanwhile is lost.
        polling = isinstance(layer, InMemoryChannelLayer)
        while True:
            try:
                message = await (
                    asyncio.wait_for(layer.receive(channel), 0.05)
                    if polling
                    else layer.receive(channel)
                )
            except TimeoutError:
                continue
            self.received.append(message["frame"])

    def frames(self, wait: float = 0.3, at_least: int = 1, deadline: float = 10.0) -> list[str]:
        """Frames received so far: waits (up to `deadline` s) for `at_least` of them, then
        until none arrived for `wait` seconds. A loaded machine or a Redis round trip may take
        longer than the quiet period before the first frame arrives."""
        end = time.monotonic() + deadline
        while len(self.received) < at_least and time.monotonic() < end:
            time.sleep(0.02)
        count = -1
        while count != len(self.received):
            count = len(self.received)
            time.sleep(wait)
        found, self.received[:] = list(self.received), []
        return found
