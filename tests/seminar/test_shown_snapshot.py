"""A phone's first socket gets no snapshot when the page shows exactly it (seminar.live.shown)."""

import asyncio
import re
import time

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from program import services
from seminar import live
from seminar.live.relay import get_relay
from seminar.live.shown import MAX_QUERY, digest, from_query
from tests.seminar.test_consumers import receive_root
from tests.sockets import screen

pytestmark = pytest.mark.django_db(transaction=True)


def run(scenario):
    async_to_sync(scenario)()


def page_digest(client, slug: str, language: str = "en") -> str:
    """The digest the phone page carries for live.js (data-live-shown)."""
    page = client.get(f"/s/{slug}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return re.search(r'data-live-shown="([0-9a-f]+)"', page).group(1)


async def first_frame(socket, timeout: float = 1) -> str | None:
    """The first frame the socket gets, or None if nothing comes within `timeout`."""
    if await socket.receive_nothing(timeout=timeout):
        return None
    return await socket.receive_from()


def test_a_phone_that_shows_the_snapshot_gets_none_and_still_every_push(seminar, phone_client):
    shown = page_digest(phone_client, seminar.slug)

    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client, query=f"shown={shown}")
        assert (await socket.connect())[0]
        assert await first_frame(socket) is None

        await database_sync_to_async(services.step)(seminar=seminar, version=1, forward=True)
        frame = await receive_root(socket, "phone-live")
        assert "Kaffe" in frame and 'data-version="2"' in frame
        await socket.disconnect()

    run(scenario)


def test_on_an_item_the_page_and_the_snapshot_agree_too(seminar, phone_client):
    """The page is rendered with a request (CSRF tokens, context processors), the snapshot
    without: on an item with regions they must still agree, or the skip never happens."""
    services.step(seminar=seminar, version=1, forward=True)
    services.step(seminar=seminar, version=2, forward=True)
    shown = page_digest(phone_client, seminar.slug)

    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client, query=f"shown={shown}")
        assert (await socket.connect())[0]
        assert await first_frame(socket) is None
        await socket.disconnect()

    run(scenario)


def test_a_change_between_the_page_and_the_connect_sends_the_full_snapshot(seminar, phone_client):
    shown = page_digest(phone_client, seminar.slug)
    services.step(seminar=seminar, version=1, forward=True)

    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client, query=f"shown={shown}")
        assert (await socket.connect())[0]
        snapshot = await first_frame(socket)
        assert snapshot is not None and "Kaffe" in snapshot and 'data-version="2"' in snapshot
        await socket.disconnect()

    run(scenario)


def test_a_page_in_another_language_gets_the_full_snapshot(seminar, phone_client):
    shown = page_digest(phone_client, seminar.slug, language="da")

    async def scenario():
        socket = screen(
            seminar.slug, "participant", phone_client, language=b"en", query=f"shown={shown}"
        )
        assert (await socket.connect())[0]
        snapshot = await first_frame(socket)
        assert snapshot is not None and "The program has not started yet." in snapshot
        await socket.disconnect()

    run(scenario)


def test_a_reconnect_without_a_digest_gets_the_full_snapshot(seminar, phone_client):
    shown = page_digest(phone_client, seminar.slug)

    async def scenario():
        first = screen(seminar.slug, "participant", phone_client, query=f"shown={shown}")
        assert (await first.connect())[0]
        assert await first_frame(first) is None
        await first.disconnect()

        again = screen(seminar.slug, "participant", phone_client)
        assert (await again.connect())[0]
        snapshot = await first_frame(again)
        assert snapshot is not None and snapshot.lstrip().startswith('<div id="phone-live"')
        await again.disconnect()

    run(scenario)


@pytest.mark.parametrize(
    "query",
    [
        "shown=" + "0" * 32,  # well formed, not this frame's
        "shown=not-a-digest",
        "shown=<script>",
        "shown=SHOWN&shown=SHOWN",  # twice: replaced by the real digest below
        "shown=SHOWN" + "&pad=" + "x" * MAX_QUERY,  # the right digest in an over-long query
    ],
)
def test_a_wrong_or_garbled_digest_gets_the_full_snapshot(seminar, phone_client, query):
    query = query.replace("SHOWN", page_digest(phone_client, seminar.slug))

    async def scenario():
        socket = screen(seminar.slug, "participant", phone_client, query=query)
        assert (await socket.connect())[0]
        snapshot = await first_frame(socket)
        assert snapshot is not None and snapshot.lstrip().startswith('<div id="phone-live"')
        await socket.disconnect()

    run(scenario)


def test_the_digest_ignores_a_running_clocks_time_left_but_not_a_paused_one():
    clock = (
        '<p class="countdown" role="timer" data-countdown data-remaining-ms="{}" '
        'data-running="{}">{}</p>'
    )
    assert digest(clock.format(899000, 1, "14:59")) == digest(clock.format(898200, 1, "14:58"))
    assert digest(clock.format(899000, 0, "14:59")) != digest(clock.format(898200, 0, "14:58"))
    assert digest(clock.format(899000, 1, "14:59")) != digest(clock.format(899000, 0, "14:59"))


def test_the_digest_ignores_csrf_tokens_and_nothing_else():
    form = '<form method="post">{}<button>Send</button></form>'
    token = '<input type="hidden" name="csrfmiddlewaretoken" value="aB3dE5fG7hI9">'
    assert digest(form.format(token)) == digest(form.format(""))
    # A participant's text that looks like a token is escaped in a frame; as raw text it counts.
    assert digest(form.format("&lt;input")) != digest(form.format(""))
    assert digest("a") != digest("b") and re.fullmatch(r"[0-9a-f]{32}", digest("a"))


def test_only_a_single_well_formed_digest_is_read_from_the_query():
    shown = digest("frame")
    assert from_query(f"shown={shown}".encode()) == shown
    assert from_query(b"") is None
    assert from_query(f"shown={shown.upper()}".encode()) is None
    assert from_query(f"shown={shown}0".encode()) is None
    assert from_query(f"shown={shown}&pad={'x' * MAX_QUERY}".encode()) is None


def test_a_frame_pushed_while_a_skipped_snapshot_renders_still_arrives(
    seminar, phone_client, monkeypatch
):
    """The frames held while the snapshot renders go out after it, sent or skipped."""
    phone_screen = live.screen_for("participant")
    rendering = asyncio.Event()
    loop_box = {}
    snapshot = '<div id="phone-live" data-version="1">as the page shows it</div>'

    def slow_snapshot(viewer):
        loop_box["loop"].call_soon_threadsafe(rendering.set)
        time.sleep(0.3)  # the frame is delivered meanwhile
        return snapshot

    monkeypatch.setattr(phone_screen, "snapshot", slow_snapshot)

    async def scenario():
        loop_box["loop"] = asyncio.get_running_loop()
        shown = digest(snapshot)
        socket = screen(seminar.slug, "participant", phone_client, query=f"shown={shown}")
        connecting = asyncio.create_task(socket.connect())
        await asyncio.wait_for(rendering.wait(), 3)
        change = '<div id="phone-live" data-version="2">the change</div>'
        delivered = await get_relay().deliver(live.group_name(seminar.pk, "participant-en"), change)
        assert delivered == 1
        assert (await connecting)[0]
        assert "the change" in await socket.receive_from(timeout=2)
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    run(scenario)


def test_on_every_item_of_the_reference_program_the_page_shows_the_snapshot(reference_seminar):
    """Whatever the item's kind (its regions, forms with CSRF tokens), the page's digest is
    the snapshot's: a phone skips it on every item, not only on some."""
    from django.test import Client

    from program import selectors
    from program.models import AgendaItem
    from seminar.live import Viewer
    from tests import factories

    participant = factories.participant(reference_seminar)
    client = Client()
    client.get(f"/p/{participant.token}/")
    viewer = Viewer(reference_seminar.pk, "participant", "da", participant_id=participant.pk)
    items = AgendaItem.objects.filter(day__seminar=reference_seminar).order_by(
        "day__date", "position"
    )
    differing = []
    for item in items:
        version = selectors.live_state(reference_seminar).version
        services.jump(seminar=reference_seminar, version=version, item=item)
        shown = page_digest(client, reference_seminar.slug, language="da")
        if shown != digest(live.screen_for("participant").snapshot(viewer)):
            differing.append(f"{item.kind}: {item.title}")
    assert not differing


def test_a_process_leaders_phone_in_a_group_skips_its_snapshot_too(seminar):
    """The group's part and the leader's own controls (forms with CSRF tokens on the page)."""
    from django.test import Client

    from tests.program.soapbox_room import make_room

    table = make_room(seminar).tables[0]
    client = Client()
    client.get(f"/p/{table.leader.token}/")
    page = client.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count('name="csrfmiddlewaretoken"') > 1 and f"You lead {table.group.name}" in page
    shown = page_digest(client, seminar.slug)

    async def scenario():
        socket = screen(seminar.slug, "participant", client, query=f"shown={shown}")
        assert (await socket.connect())[0]
        assert await first_frame(socket) is None
        await socket.disconnect()

    run(scenario)
