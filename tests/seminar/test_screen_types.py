"""A screen type is one class and one register line: the live layer asks it, never names it."""

import ast
import asyncio
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.conf import settings
from django.db import transaction

from seminar import access, live, presence
from seminar.live import screens
from tests.sockets import screen

pytestmark = pytest.mark.django_db(transaction=True)


class WallScreen(live.Screen):
    """A wall display: opened with the display link, shows the seminar's title."""

    role = "wall"

    def viewer(self, scope, seminar, language):
        if access.is_display(scope["session"], seminar.pk):
            return live.Viewer(seminar.pk, self.role, language)
        return None

    def snapshot(self, viewer):
        return f'<div id="wall" data-version="1">{viewer.seminar_id}</div>'


@pytest.fixture
def wall(monkeypatch):
    # As live.register_screen(WallScreen()) in an app's ready, undone after the test.
    monkeypatch.setitem(screens._SCREENS, "wall", WallScreen())
    monkeypatch.setattr(presence, "DEBOUNCE_SECONDS", 0.01)


def publish_to_wall(seminar_id: int) -> None:
    with transaction.atomic():
        live.publish(seminar_id, lambda: [(live.audiences.role("wall", "en"), "<div>pushed</div>")])


def test_a_registered_screen_type_opens_gets_its_pushes_and_is_counted(
        wall, seminar, projector_client, phone_client):
    async def scenario():
        refused = screen(seminar.slug, "wall", phone_client)  # no display link: its rule says no
        assert await refused.connect() == (False, 4403)
        socket = screen(seminar.slug, "wall", projector_client)
        assert (await socket.connect())[0]
        snapshot = await socket.receive_from(timeout=2)
        assert snapshot == f'<div id="wall" data-version="1">{seminar.pk}</div>'
        await database_sync_to_async(publish_to_wall)(seminar.pk)
        pushed = await socket.receive_from(timeout=2)
        await asyncio.sleep(0.3)  # the debounced presence write
        counts = await database_sync_to_async(presence.screen_counts)(seminar.pk)
        assert await socket.receive_nothing(timeout=0.2)  # no presence frame: it shows none
        await socket.disconnect()
        return pushed, counts

    pushed, counts = async_to_sync(scenario)()

    assert pushed == "<div>pushed</div>"
    assert counts == {"projector": 0, "participant": 0, "facilitator": 0, "wall": 1}


def test_a_screen_type_must_say_who_may_open_it_and_what_it_shows():
    class Nameless(live.Screen):
        role = "nameless"

    with pytest.raises(TypeError, match="snapshot|viewer"):
        Nameless()


def test_the_live_layer_and_presence_name_no_role_and_look_for_no_hook():
    """Roles come from the registered screens; every hook has a default on `Screen`."""
    root = Path(settings.BASE_DIR)
    files = [*sorted((root / "seminar" / "live").glob("*.py")), root / "seminar" / "presence.py"]
    roles = {"projector", "participant", "facilitator"}
    for path in files:
        if path.name == "audiences.py":  # the one place the names are written
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                named = roles & set(node.value.split("-"))
                assert not named, f"{path.name} names a role: {node.value!r}"
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "hasattr":
                assert path.name == "wire.py", f"{path.name} looks for a hook with hasattr"
