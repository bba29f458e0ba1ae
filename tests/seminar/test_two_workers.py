"""Two daphne workers sharing Redis: an action through one reaches a socket on the other."""

import asyncio
import urllib.parse
import urllib.request
import uuid

import pytest
import websockets

from tests.servers import Daphne, redis_url

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def cookie_header(client) -> str:
    return "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())


def post_step(base: str, slug: str, facilitator_client) -> int:
    """A facilitator's "Næste" through one worker, with its CSRF token, as a browser sends it."""
    opener = urllib.request.build_opener()
    cookies = cookie_header(facilitator_client)
    page = opener.open(urllib.request.Request(f"{base}/s/{slug}/run/", headers={"Cookie": cookies}))
    csrf = next(
        h.split("=", 1)[1].split(";", 1)[0]
        for h in page.headers.get_all("Set-Cookie")
        if h.startswith("csrftoken=")
    )
    body = urllib.parse.urlencode({"version": 1, "direction": "next"}).encode()
    request = urllib.request.Request(
        f"{base}/s/{slug}/run/step/",
        data=body,
        headers={
            "Cookie": f"{cookies}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "HX-Request": "true",
        },
    )
    return opener.open(request).status


def test_action_through_one_worker_reaches_a_phone_on_the_other(
    seminar, facilitator_client, phone_client
):
    env = {"REDIS_URL": redis_url(), "REDIS_PREFIX": f"test-{uuid.uuid4().hex[:8]}"}

    with Daphne(**env) as first, Daphne(**env) as second:

        async def scenario() -> str:
            ws_url = second.url.replace("http", "ws") + f"/ws/s/{seminar.slug}/participant/"
            headers = {"Cookie": cookie_header(phone_client), "Origin": second.url}
            async with websockets.connect(ws_url, additional_headers=headers) as phone:
                snapshot = await asyncio.wait_for(phone.recv(), 5)
                assert 'id="phone-live"' in snapshot and 'data-version="1"' in snapshot
                status = await asyncio.to_thread(
                    post_step, first.url, seminar.slug, facilitator_client
                )
                assert status == 200
                return await asyncio.wait_for(phone.recv(), 5)

        frame = asyncio.run(scenario())

    assert 'data-version="2"' in frame
    assert "Kaffe" in frame
