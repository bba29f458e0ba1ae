"""The one websocket consumer: authenticate, join audiences, send the full state, forward."""

import asyncio
import weakref

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from seminar import access, live
from seminar.languages import language_codes, language_for_scope
from seminar.models import Seminar
from seminar.presence import PresenceBook
from seminar.relay import get_relay

# Close codes in the private range (4000-4999); the page's script stops retrying on these.
CLOSE_FORBIDDEN = 4403
CLOSE_TOO_BIG = 1009
# Clients only send keep-alives; anything larger is not ours (daphne sets no limit).
MAX_CLIENT_MESSAGE = 1024


def resolve_viewer(scope: dict, slug: str, role: str) -> live.Viewer | None:
    """The viewer this socket may act as, or None. Runs in a database thread."""
    seminar = Seminar.objects.filter(slug=slug).only("pk").first()
    if seminar is None or live.screen_for(role) is None:
        return None
    session = scope["session"]
    user = scope.get("user")
    language = language_for_scope(scope)
    if role == "facilitator" and access.is_facilitator(user):
        return live.Viewer(seminar.pk, role, language, user_id=user.pk)
    if role == "projector" and access.is_display(session, seminar.pk):
        return live.Viewer(seminar.pk, role, language)
    if role == "participant":
        participant = access.bound_participant(session, seminar)
        if participant is not None:
            return live.Viewer(seminar.pk, role, language, participant_id=participant.pk)
    return None


def presence_changed(seminar_id: int) -> None:
    """Tell the facilitators' tablets how many screens are connected now."""
    screen = live.screen_for("facilitator")
    if screen is None or not hasattr(screen, "presence_frame"):
        return
    for language in language_codes():
        live.send_now(seminar_id, f"facilitator-{language}", screen.presence_frame(seminar_id, language))


_books: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, PresenceBook]" = weakref.WeakKeyDictionary()


def presence_book() -> PresenceBook:
    loop = asyncio.get_running_loop()
    if loop not in _books:
        _books[loop] = PresenceBook(presence_changed)
    return _books[loop]


class ScreenConsumer(AsyncWebsocketConsumer):
    """Push-only: messages from the client are ignored; writes go over HTTP."""

    # No channel-layer channel per socket: nothing is ever sent to one (the relay holds
    # this process's single subscription), and each would cost a layer channel (walked on
    # every in-memory send) or a Redis subscription.
    channel_layer_alias = None

    viewer: live.Viewer | None = None
    audiences: list[str] = []

    async def connect(self) -> None:
        kwargs = self.scope["url_route"]["kwargs"]
        self.viewer = await database_sync_to_async(resolve_viewer)(
            self.scope, kwargs["slug"], kwargs["role"]
        )
        if self.viewer is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.accept()
        await self.sync()
        presence_book().connected(self.viewer.seminar_id, self.viewer.role)

    async def sync(self) -> None:
        """Join this viewer's audiences (leaving any it lost) and send the full state."""
        screen = live.screen_for(self.viewer.role)
        relay = get_relay()
        audiences = await database_sync_to_async(screen.audiences)(self.viewer)
        wanted = [live.group_name(self.viewer.seminar_id, audience) for audience in audiences]
        # Join before rendering the snapshot, so no push can fall between the two.
        wire = self.scope.get("live.wire")  # daphne's protocol: the relay writes frames to it
        for group in wanted:
            await relay.join(group, self, self.send_frame, wire)
        for group in set(self.audiences) - set(wanted):
            await relay.leave(group, self)
        self.audiences = wanted
        await self.send(text_data=await database_sync_to_async(screen.snapshot)(self.viewer))

    async def send_frame(self, frame: str) -> None:
        if frame == live.RESYNC:
            # Not awaited: the relay goes on writing to other sockets meanwhile.
            asyncio.create_task(self.sync())
        else:
            await self.send(text_data=frame)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        """Clients have nothing to say over the socket; keep-alives land here and are dropped."""
        if len(text_data or bytes_data or "") > MAX_CLIENT_MESSAGE:
            await self.close(code=CLOSE_TOO_BIG)

    async def disconnect(self, code: int) -> None:
        if self.viewer is None:
            return
        relay = get_relay()
        for group in self.audiences:
            await relay.leave(group, self)
        presence_book().disconnected(self.viewer.seminar_id, self.viewer.role)
