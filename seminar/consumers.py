"""The one websocket consumer: authenticate, join audiences, send the full state, forward."""

import asyncio
import logging
import weakref
from concurrent.futures import ThreadPoolExecutor

from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from django.db import close_old_connections, connections

from seminar import access, live
from seminar.languages import language_for_scope
from seminar.models import Seminar
from seminar.presence import presence_book
from seminar.relay import get_relay, prepare, write_prepared
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
# Resyncs (live.RESYNC) that arrive within this long are served together; the room's
# own frames of the same change go out meanwhile. A batch runs on a thread of its own
# (not Django's one thread for database work, where a click and every connect would
# wait behind it), RESYNC_CHUNK phones at a time (about 0.4 ms of work a phone).
RESYNC_GATHER_SECONDS = 0.1
RESYNC_CHUNK = 50
_resync_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-resync")


async def off_requests(function):
    """Run `function` on the resync thread, with Django's connection handling around it."""

    def run():
        close_old_connections()
        try:
            return function()
        finally:
            connections.close_all()

    return await asyncio.get_running_loop().run_in_executor(_resync_thread, run)


def resolve_viewer(scope: dict, slug: str, role: str) -> live.Viewer | None:
    """The viewer this socket may act as, or None. Runs in a database thread."""
    seminar = Seminar.objects.filter(slug=slug).only("pk").first()
    if seminar is None or live.screen_for(role) is None:
        return None
    session = scope["session"]
    user = scope.get("user")
    language = language_for_scope(scope)
    if role == "facilitator" and access.facilitates(user, seminar.pk):
        return live.Viewer(seminar.pk, role, language, user_id=user.pk)
    if role == "projector" and access.is_display(session, seminar.pk):
        return live.Viewer(seminar.pk, role, language)
    if role == "participant":
        participant = access.bound_participant(session, seminar)
        if participant is not None:
            return live.Viewer(seminar.pk, role, language, participant_id=participant.pk)
    return None


class Resyncs:
    """This process's sockets told to resync, served in batches.

    Moving onto an item with personal regions resyncs every phone of the seminar. One
    by one, that was a database hop for the audiences and a whole snapshot for each
    phone, all through Django's one thread for database work: about 5 ms a phone, ten
    seconds for 2,000, while the next advance waited (docs/live.md). A batch takes two
    hops per chunk, off that thread, and the screen renders what phones share once
    (`PhoneScreen.snapshots`).
    """

    def __init__(self) -> None:
        self.pending: dict[ScreenConsumer, bool] = {}  # consumer -> its own part only?
        self.task: asyncio.Task | None = None

    def add(self, consumer: "ScreenConsumer", own_only: bool = False) -> None:
        self.pending[consumer] = own_only and self.pending.get(consumer, True)  # a whole one wins
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while self.pending:
            await asyncio.sleep(RESYNC_GATHER_SECONDS)
            batch, self.pending = self.pending, {}
            screens: dict[tuple[str, int, bool], list[ScreenConsumer]] = {}
            for consumer, own_only in batch.items():
                if consumer.viewer is not None and not consumer.gone:
                    key = (consumer.viewer.role, consumer.viewer.seminar_id, own_only)
                    screens.setdefault(key, []).append(consumer)
            for (role, _, own_only), consumers in screens.items():
                for start in range(0, len(consumers), RESYNC_CHUNK):
                    chunk = consumers[start:start + RESYNC_CHUNK]
                    await live.background_turn()  # after any click and room frames under way
                    try:
                        await sync_many(live.screen_for(role), chunk, own_only)
                    except Exception:  # a resync is a hint too; the next connect heals
                        log.exception("resync of %d %s screens failed", len(chunk), role)


async def sync_many(screen, consumers: list["ScreenConsumer"], own_only: bool = False) -> None:
    """`ScreenConsumer.sync` for many sockets of one seminar and role; with `own_only` (and a
    screen that renders them) each socket's own part alone, its audiences unchanged."""
    viewers = [consumer.viewer for consumer in consumers]
    own = own_only and hasattr(screen, "own_parts")

    def audiences() -> list[list[str]]:
        if hasattr(screen, "audiences_many"):
            return screen.audiences_many(viewers)
        return [screen.audiences(viewer) for viewer in viewers]

    def frames() -> list[str]:
        if own:
            return screen.own_parts(viewers)
        if hasattr(screen, "snapshots"):
            return screen.snapshots(viewers)
        return [screen.snapshot(viewer) for viewer in viewers]

    for consumer in consumers:
        consumer.hold()
    try:
        if not own:
            for consumer, wanted in zip(consumers, await off_requests(audiences)):
                await consumer.rejoin(wanted)
        for consumer, frame in zip(consumers, await off_requests(frames)):
            if not consumer.gone:
                await consumer.push(frame)
    finally:
        for consumer in consumers:
            await consumer.release()


_resyncs: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Resyncs]" = weakref.WeakKeyDictionary()


def resyncs() -> Resyncs:
    loop = asyncio.get_running_loop()
    if loop not in _resyncs:
        _resyncs[loop] = Resyncs()
    return _resyncs[loop]


class ScreenConsumer(AsyncWebsocketConsumer):
    """Push-only: messages from the client are ignored; writes go over HTTP."""

    # No channel-layer channel per socket: nothing is ever sent to one (the relay holds
    # this process's single subscription), and each would cost a layer channel (walked on
    # every in-memory send) or a Redis subscription.
    channel_layer_alias = None

    viewer: live.Viewer | None = None
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
        await self.sync()
        presence_book().connected(self.viewer.seminar_id, self.viewer.role)
        self.counted = True

    async def sync(self) -> None:
        """Join this viewer's audiences (leaving any it lost) and send the full state."""
        screen = live.screen_for(self.viewer.role)
        # Join before rendering the snapshot, so no push can fall between the two; what
        # arrives meanwhile goes out after the snapshot.
        self.hold()
        try:
            await self.rejoin(await database_sync_to_async(screen.audiences)(self.viewer))
            await self.send(text_data=await database_sync_to_async(screen.snapshot)(self.viewer))
        finally:
            await self.release()

    def hold(self) -> None:
        self.holds += 1
        if self.held is None:
            self.held = []

    async def release(self) -> None:
        """Once no snapshot is under way: send the frames held, in order, then take them as they come."""
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
        wanted = [live.group_name(self.viewer.seminar_id, audience) for audience in audiences]
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
        if frame in (live.RESYNC, live.RESYNC_OWN):
            # Served with the other resyncs of this change; the relay goes on meanwhile.
            resyncs().add(self, own_only=frame == live.RESYNC_OWN)
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
