"""Redis stopped or hung costs no request: a real daphne worker on a private Redis.

Sessions live in the database and the cache (rate limits) fails open, so the phone's page,
an idea, a facilitator's "Næste" and a join code are answered while Redis refuses, and
within about a second while it hangs (the bounds below are generous for a busy machine).
"""

import asyncio
import time
import uuid

import pytest
import websockets

from program import selectors
from program.models import Idea
from tests.program.tables import seat
from tests.seminar.outage import Browser
from tests.servers import Daphne

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def brainstorm(seminar):
    return seat(seminar, "brainstorm")


def key_from(page: str) -> str:
    return page.split('name="key" value="', 1)[1].split('"', 1)[0]


def room_version(seminar) -> int:
    return selectors.live_state(seminar).version


def act_in_the_room(
    worker: Daphne, seminar, brainstorm, phone_client, facilitator_client, text: str
):
    """Every kind of request the room makes; returns the answers by name."""
    phone = Browser(worker.url, phone_client)
    tablet = Browser(worker.url, facilitator_client)
    stranger = Browser(worker.url)
    answers = {"phone page": phone.get(f"/s/{seminar.slug}/")}
    panel = phone.get(f"/s/{seminar.slug}/panel/{brainstorm.item.pk}/")
    answers["idea"] = phone.post(
        f"/s/{seminar.slug}/ideas/{brainstorm.item.pk}/send/",
        {"key": key_from(panel.body), "text": text},
    )
    tablet.get(f"/s/{seminar.slug}/run/")
    answers["next"] = tablet.post(
        f"/s/{seminar.slug}/run/step/", {"version": room_version(seminar), "direction": "next"}
    )
    stranger.get(f"/s/{seminar.slug}/join/")
    answers["wrong code"] = stranger.post(
        f"/s/{seminar.slug}/join/", {"code": "ZZZZZZ"}, htmx=False
    )
    answers["right code"] = stranger.post(
        f"/s/{seminar.slug}/join/", {"code": brainstorm.people[1][0].code}, htmx=False
    )
    return answers


def snapshot_seconds(worker: Daphne, seminar, client) -> float:
    """How long a phone's websocket takes to get its snapshot (the room's state)."""

    async def connect() -> float:
        started = time.monotonic()
        cookie = "; ".join(f"{name}={m.value}" for name, m in client.cookies.items())
        url = worker.url.replace("http", "ws") + f"/ws/s/{seminar.slug}/participant/"
        async with websockets.connect(
            url, additional_headers={"Cookie": cookie, "Origin": worker.url}
        ) as ws:
            assert 'id="phone-live"' in await asyncio.wait_for(ws.recv(), 10)
            return time.monotonic() - started

    return asyncio.run(connect())


def assert_answered(answers, seminar, text: str, within: float) -> None:
    statuses = {name: answer.status for name, answer in answers.items()}
    assert statuses == {
        "phone page": 200,
        "idea": 200,
        "next": 200,
        "wrong code": 400,
        "right code": 302,
    }
    assert "Vi kender ikke den kode" in answers["wrong code"].body
    assert Idea.objects.filter(text=text).count() == 1
    slowest = max(answers.items(), key=lambda pair: pair[1].seconds)
    assert slowest[1].seconds < within, slowest


def test_every_request_is_answered_while_redis_is_stopped(
    seminar, brainstorm, private_redis, facilitator_client
):
    phone_client = _bound(brainstorm)
    with Daphne(REDIS_URL=private_redis.url, REDIS_PREFIX=f"test-{uuid.uuid4().hex[:8]}") as worker:
        Browser(worker.url, phone_client).get(f"/s/{seminar.slug}/")  # Redis was there at first
        before = room_version(seminar)
        private_redis.stop()

        answers = act_in_the_room(
            worker, seminar, brainstorm, phone_client, facilitator_client, "Idé mens Redis er væk"
        )
        assert snapshot_seconds(worker, seminar, phone_client) < 5

        log = worker.output()
    assert "Traceback" not in log, log
    assert_answered(answers, seminar, "Idé mens Redis er væk", within=5)
    assert room_version(seminar) == before + 1


def test_every_request_is_answered_within_a_second_or_so_while_redis_hangs(
    seminar, brainstorm, private_redis, facilitator_client
):
    phone_client = _bound(brainstorm)
    with Daphne(REDIS_URL=private_redis.url, REDIS_PREFIX=f"test-{uuid.uuid4().hex[:8]}") as worker:
        Browser(worker.url, phone_client).get(f"/s/{seminar.slug}/")
        private_redis.hang()
        try:
            answers = act_in_the_room(
                worker,
                seminar,
                brainstorm,
                phone_client,
                facilitator_client,
                "Idé mens Redis hænger",
            )
            connect = snapshot_seconds(worker, seminar, phone_client)
        finally:
            private_redis.resume()
    # Each request waits at most one cache timeout (0.3 s) before the cache is skipped.
    assert_answered(answers, seminar, "Idé mens Redis hænger", within=2.5)
    assert connect < 3


def _bound(brainstorm):
    """A phone bound to a participant at a table (the brainstorm takes ideas from tables)."""
    from django.test import Client

    client = Client()
    client.get(f"/p/{brainstorm.people[0][0].token}/")
    return client


def dead_redis_cache() -> dict:
    from tests.servers import free_port

    return {
        "default": {
            "BACKEND": "seminar.failopen_cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "KEY_PREFIX": "dead",
        }
    }


def test_the_join_code_limit_keeps_counting_while_redis_refuses(seminar, settings, client):
    settings.CACHES = dead_redis_cache()

    statuses = [
        client.post(f"/s/{seminar.slug}/join/", {"code": "ZZZZZZ"}).status_code
        for _ in range(settings.JOIN_CODE_ATTEMPTS + 1)
    ]

    assert statuses == [400] * settings.JOIN_CODE_ATTEMPTS + [429]


def test_a_refusing_redis_is_skipped_after_its_first_failure(settings):
    from django.core.cache import caches

    settings.CACHES = dead_redis_cache()
    cache = caches["default"]

    assert cache.add("pace", 0) is True  # refused: counted in this process instead
    assert cache.redis_skipped
    assert cache.incr("pace") == 1
    assert caches.create_connection("default").get("pace") == 1  # another thread's cache object


def test_a_pace_count_is_one_round_trip_to_redis_and_keeps_its_window(settings, private_redis):
    import redis

    from seminar.failopen_cache import hit

    settings.CACHES = {
        "default": {
            "BACKEND": "seminar.failopen_cache.FailOpenRedisCache",
            "LOCATION": private_redis.url,
            "KEY_PREFIX": "pace-test",
        }
    }
    server = redis.Redis.from_url(private_redis.url)
    server.config_resetstat()

    counts = [hit("pace:idea:7", 60) for _ in range(3)]

    assert counts == [1, 2, 3]
    stats = server.info("commandstats")
    assert stats["cmdstat_incrby"]["calls"] == 3 and stats["cmdstat_set"]["calls"] == 3
    assert "cmdstat_exists" not in stats  # Django's incr asks EXISTS first: a round trip more
    [key] = server.keys("pace-test:*")
    assert 0 < server.ttl(key) <= 60


def test_the_pace_limit_keeps_counting_while_redis_refuses(settings, participant):
    from seminar.submissions import PACE_LIMIT, TooFast, check_pace

    settings.CACHES = dead_redis_cache()
    for _ in range(PACE_LIMIT):
        check_pace(participant.pk, "idea")

    with pytest.raises(TooFast):
        check_pace(participant.pk, "idea")
