"""Listen to an audience's pushes through the real channel layer, as a relay would."""

import asyncio

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from seminar.live import group_name


class Listener:
    def __init__(self, seminar_id: int, audience: str) -> None:
        self.layer = get_channel_layer()
        self.channel = async_to_sync(self.layer.new_channel)()
        async_to_sync(self.layer.group_add)(group_name(seminar_id, audience), self.channel)

    def frames(self, wait: float = 0.2) -> list[str]:
        async def drain() -> list[str]:
            found = []
            while True:
                try:
                    message = await asyncio.wait_for(self.layer.receive(self.channel), wait)
                except TimeoutError:
                    return found
                found.append(message["frame"])

        return async_to_sync(drain)()
