"""The one websocket consumer: ask the role's screen who this is, join its audiences, send
the full state (unless the page it opened from shows exactly that: `seminar.live.shown`),
then forward what the relay hands it."""

import logging

from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer

from seminar import access
from seminar.languages import language_for_scope
from seminar.live.audiences import group_name
from seminar.live.control import RESYNC, RESYNC_OWN
from seminar.live.relay import get_relay
from seminar.live.resyncs import resyncs
from seminar.live.screens import Viewer, screen_for
from seminar.live.shown import digest, from_query
from seminar.live.wire import prepare, write_prepared
from seminar.models import Seminar
from seminar.presence import presence_book
from seminar.socket_guard import Pace

log = logging.getLogger(__name__)

# Close codes in the private range (4000-4999): autobahn lets an application send only
# 1000 and 3000-4999, and refuses the rest with an exception (the client then sees 1011).
# The page's script stops retrying on 4403 only.
CLOSE_FORBIDDEN = 4403
CLOSE_TOO_BIG = 4009  # after 1009, "message too big"
CLOSE_TOO_FAST = 4029  # after HTTP's 429
# Our pages send nothing over the socket (the server's pings keep it alive, answered inside
# the websocket protocol): a message is not ours, a big one or a stream of them is abuse.
MAX_CLIENT_MESSAGE = 1024
MESSAGE_BURST = 30
MESSAGES_PER_SECOND = 5
def resolve_viewer(scope: dict, slug: str, role: str) -> Viewer | None:
    """The viewer this socket may act as, or None: the screen of its role decides. Runs in a
    database thread."""
    screen = screen_for(role)
    if screen is None:
        return None
    seminar = Seminar.objects.filter(slug=slug).only("pk").first()
    if seminar is None:
        return None
    return screen.viewer(scope, seminar, language_for_scope(scope))


class ScreenConsumer(AsyncWebsocketConsumer):
    """Push-only: messages from the client are ignored; writes go over HTTP."""

    # No channel-layer channel per socket: nothing is ever sent to one (the relay holds
    # this process's single subscription), and each would cost a layer channel (walked on
    # every in-memory send) or a Redis subscription.
    channel_layer_alias = None

    viewer: Viewer | None = None
    audiences: list[str] = []
    gone = False
    # Frames that reach this socket while its snapshot is being rendered wait here and go
    # out after it (the relay appends to it). The snapshot may have read the database
    # before such a frame's change committed; sent after the frame, it would put the older
    # state back for good (both carry the same room version). Sent after the snapshot, a
    # frame is either newer or shows what the snapshot shows.
    held: list[str] | None = None
    holds = 0  # a connect's snapshot and a resync's may overlap
    counted = False  # in this process's presence counts
    cleaned = False
    pace: Pace | None = None

    async def __call__(self, scope, receive, send) -> None:
        # However the instance ends (a disconnect, a close the server refused, an error in
        # a handler, daphne cancelling it after the connection dropped or at shutdown), it
        # leaves the relay and the presence count: a ghost costs every fan-out and inflates
        # the tablet's count.
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self.cleanup()

    async def dispatch(self, message) -> None:
        # Channels closes stale database connections before every handler: a hop to the one
        # database thread. A client's message needs no database, and a flood of them must
        # not queue up there in front of everyone's connects and clicks.
        if message.get("type") == "websocket.receive":
            await self.websocket_receive(message)
        else:
            await super().dispatch(message)

    async def connect(self) -> None:
        kwargs = self.scope["url_route"]["kwargs"]
        self.viewer = await database_sync_to_async(resolve_viewer)(
            self.scope, kwargs["slug"], kwargs["role"]
        )
        if self.viewer is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.accept()
        await self.sync(shown=from_query(self.scope.get("query_string", b"")))
        presence_book().connected(self.viewer.seminar_id, self.viewer.role)
        self.counted = True

    async def sync(self, shown: str | None = None) -> None:
        """Join this viewer's audiences (leaving any it lost) and send the full state, unless
        `shown` (the digest of what the page shows, sent on its first connect) is its digest."""
        screen = screen_for(self.viewer.role)
        # Join before rendering the snapshot, so no push can fall between the two; what
        # arrives meanwhile goes out after the snapshot (or after it was found not needed).
        self.hold()
        try:
            await self.rejoin(await database_sync_to_async(screen.audiences)(self.viewer))
            snapshot = await database_sync_to_async(screen.snapshot)(self.viewer)
            if shown is None or digest(snapshot) != shown:
                await self.send(text_data=snapshot)
        finally:
            await self.release()

    def hold(self) -> None:
        self.holds += 1
        if self.held is None:
            self.held = []

    async def release(self) -> None:
        """Once no snapshot is under way: send the frames held, in order, then take them as they
        come."""
        self.holds -= 1
        if self.holds:
            return
        while self.held and not self.holds:  # a new snapshot begun meanwhile releases the rest
            frame = self.held.pop(0)
            if not self.gone:
                await self.push(frame)
        if not self.holds:
            self.held = None

    async def rejoin(self, audiences: list[str]) -> None:
        """Be in exactly these audiences' groups from now on."""
        if self.gone:
            return
        relay = get_relay()
        wanted = [group_name(self.viewer.seminar_id, audience) for audience in audiences]
        wire = self.scope.get("live.wire")  # daphne's protocol: the relay writes frames to it
        for group in wanted:
            await relay.join(group, self, self.send_frame, wire)
        for group in set(self.audiences) - set(wanted):
            await relay.leave(group, self)
        self.audiences = wanted
        if self.gone:  # disconnected while joining: leave no dead socket in the relay
            for group in wanted:
                await relay.leave(group, self)

    async def push(self, frame: str) -> None:
        """Send a frame, straight to daphne's protocol when there is one (see the relay)."""
        wire = self.scope.get("live.wire")
        if wire is None:
            await self.send(text_data=frame)
        elif wire.state == wire.STATE_OPEN:
            write_prepared(wire, prepare(frame))

    async def send_frame(self, frame: str) -> None:
        if frame in (RESYNC, RESYNC_OWN):
            # Served with the other resyncs of this change; the relay goes on meanwhile.
            resyncs().add(self, own_only=frame == RESYNC_OWN)
        elif frame == access.RECHECK:
            # Access renewed or revoked (seminar/services.py): a socket whose binding no
            # longer counts goes, as a new connect with its session would be refused.
            kwargs = self.scope["url_route"]["kwargs"]
            viewer = await database_sync_to_async(resolve_viewer)(
                self.scope, kwargs["slug"], kwargs["role"])
            if viewer is None and not self.gone:
                await self.close(code=CLOSE_FORBIDDEN)
        else:
            await self.send(text_data=frame)

    async def receive(self, text_data=None, bytes_data=None) -> None:
        """Clients have nothing to say over the socket: a message is dropped, unless it is too
        big or comes too fast (`Pace`), and then the socket is closed."""
        if self.pace is None:
            self.pace = Pace(MESSAGE_BURST, MESSAGES_PER_SECOND)
        if len(text_data or bytes_data or "") > MAX_CLIENT_MESSAGE:
            await self.refuse(CLOSE_TOO_BIG)
        elif not self.pace.allow():
            await self.refuse(CLOSE_TOO_FAST)

    async def refuse(self, code: int) -> None:
        """Clean up, close with `code`, and stop: what the client sends next is never read."""
        await self.cleanup()
        try:
            await self.close(code=code)
        except Exception:  # the connection is gone already; nothing left to tell it
            log.debug("close %s not sent", code, exc_info=True)
        raise StopConsumer

    async def disconnect(self, code: int) -> None:
        await self.cleanup()

    async def cleanup(self) -> None:
        """Leave the presence count and every relay group, once, whichever way the socket ends."""
        if self.cleaned:
            return
        self.cleaned = True
        self.gone = True
        if self.viewer is None:  # refused before joining anything
            return
        if self.counted:
            self.counted = False
            presence_book().disconnected(self.viewer.seminar_id, self.viewer.role)
        relay = get_relay()
        # Every group the relay holds this socket in, not only `audiences`: a join cut short
        # (the instance cancelled while it waited) may have added it before `audiences` was set.
        groups = [group for group, local in list(relay.members.items()) if self in local]
        for group in groups:
            try:
                await relay.leave(group, self)
            except Exception:  # the others must still be left
                log.warning("socket not removed from %s", group, exc_info=True)
