"""Two daphne workers on a private Redis that goes away and comes back.

While Redis is stopped, a worker's own phones still get every frame it publishes; once
Redis answers again, the other worker's phones, which missed that frame, are resynced to
the true state within a few seconds (seminar.live.broker).
"""

import asyncio
import time
import uuid

import pytest
import websockets

from tests.seminar.outage import Browser
from tests.servers import Daphne

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


async def phone_on(worker: Daphne, slug: str, phone: Browser):
    url = worker.url.replace("http", "ws") + f"/ws/s/{slug}/participant/"
    cookie = "; ".join(f"{k}={v}" for k, v in phone.cookies.items())
    socket = await websockets.connect(url, additional_headers={"Cookie": cookie, "Origin": worker.url})
    assert 'data-version="1"' in await asyncio.wait_for(socket.recv(), 5)
    return socket


async def frame_with(socket, text: str, within: float) -> str | None:
    """The first frame that contains `text`, or None if none came in time."""
    deadline = asyncio.get_running_loop().time() + within
    while (left := deadline - asyncio.get_running_loop().time()) > 0:
        try:
            frame = await asyncio.wait_for(socket.recv(), left)
        except TimeoutError:
            return None
        if text in frame:
            return frame
    return None


@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_own_phones_get_the_frame_while_redis_is_down_and_the_others_heal_when_it_is_back(
        seminar, facilitator_client, phone_client, private_redis, fault):
    down, back = {"stopped": (private_redis.stop, private_redis.start),
                  "frozen": (private_redis.hang, private_redis.resume)}[fault]
    env = {"REDIS_URL": private_redis.url, "REDIS_PREFIX": f"test-{uuid.uuid4().hex[:8]}"}

    with Daphne(**env) as first, Daphne(**env) as second:
        tablet = Browser(first.url, facilitator_client)
        phone = Browser(first.url, phone_client)

        async def scenario() -> tuple:
            here = await phone_on(first, seminar.slug, phone)
            there = await phone_on(second, seminar.slug, phone)
            down()
            await asyncio.to_thread(tablet.get, f"/s/{seminar.slug}/run/")
            answer = await asyncio.to_thread(
                tablet.post, f"/s/{seminar.slug}/run/step/", {"version": 1, "direction": "next"})
            assert answer.status == 200
            own = await frame_with(here, 'data-version="2"', within=5)
            missed = await frame_with(there, 'data-version="2"', within=1)
            back()
            returned = time.monotonic()
            healed = await frame_with(there, 'data-version="2"', within=15)
            took = time.monotonic() - returned
            live_again = await advanced_through(tablet, seminar, 2, there)
            await here.close()
            await there.close()
            return own, missed, healed, took, live_again

        own, missed, healed, took, live_again = asyncio.run(scenario())

    assert own is not None and "Kaffe" in own  # the worker's own phone, Redis or not
    assert missed is None  # the other worker could not have it while Redis was down
    assert healed is not None and "Kaffe" in healed, second.output()[-3000:]
    assert took < 10  # generous: the heal comes within about a second of Redis answering
    assert live_again is not None  # and the next push crosses workers as before


async def advanced_through(tablet: Browser, seminar, version: int, socket) -> str | None:
    """A "Næste" from `version`; the frame of the next version that reaches `socket`."""
    answer = await asyncio.to_thread(
        tablet.post, f"/s/{seminar.slug}/run/step/", {"version": version, "direction": "next"})
    assert answer.status == 200
    return await frame_with(socket, f'data-version="{version + 1}"', within=5)


def test_a_worker_started_while_redis_is_down_joins_the_others_when_it_is_back(
        seminar, facilitator_client, phone_client, private_redis):
    env = {"REDIS_URL": private_redis.url, "REDIS_PREFIX": f"test-{uuid.uuid4().hex[:8]}"}

    with Daphne(**env) as first:
        tablet = Browser(first.url, facilitator_client)
        phone = Browser(first.url, phone_client)
        tablet.get(f"/s/{seminar.slug}/run/")
        private_redis.stop()
        with Daphne(**env) as second:  # (re)started during the outage

            async def scenario() -> tuple:
                there = await phone_on(second, seminar.slug, phone)  # the snapshot: from the database
                missed = await advanced_through(tablet, seminar, 1, there)
                private_redis.start()
                healed = await frame_with(there, 'data-version="2"', within=15)
                live = await advanced_through(tablet, seminar, 2, there)
                await there.close()
                return missed, healed, live

            missed, healed, live = asyncio.run(scenario())

    assert missed is None
    assert healed is not None, second.output()[-3000:]
    assert live is not None, second.output()[-3000:]
