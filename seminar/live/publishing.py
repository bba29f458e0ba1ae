"""Publishing: services hand the live layer what to render after their transaction commits.

`publish` and `publish_latest` queue a render for after commit (on the renderer thread
inside a server, at once outside one); `listening` tells a render which audiences any
screen may receive, so that frames no one would get are not rendered.
"""

import threading
import time

from django.conf import settings
from django.db import transaction

from seminar.languages import language_codes
from seminar.live import audiences, transport
from seminar.live.audiences import group_name
from seminar.live.outbox import Outbox, Render, current_outbox, render_and_send, render_off_request, renderer
from seminar.live.relay import relay_of
from seminar.live.turns import current_answer


def publish(seminar_id: int, render: Render, *, behind: bool = False) -> None:
    """After the current transaction commits, render frames and send each to its audience.

    `render` yields (audience, frame) pairs; it runs after commit, so it reads the
    committed state and a rolled-back change is never shown. In a server it runs on the
    renderer thread and the caller does not wait for it. With `behind`, it goes after
    what the same commit publishes later (a resync of every phone after the room's
    frames: the room should not wait for it).
    """

    def after_commit() -> None:
        outbox = current_outbox()
        if outbox is None:
            render_and_send(seminar_id, render)
        elif behind:
            renderer.submit(_requeue, outbox, seminar_id, render, current_answer())
        else:
            renderer.submit(render_off_request, outbox, seminar_id, render, current_answer())

    transaction.on_commit(after_commit)


def _requeue(outbox: Outbox, seminar_id: int, render: Render,
             answered: threading.Event | None) -> None:
    """On the renderer thread: queue the job again, behind those submitted with it.

    The same commit's later callbacks ran right after this job was submitted, in the
    thread that committed; by the time the renderer gets here they are queued.
    """
    renderer.submit(render_off_request, outbox, seminar_id, render, answered)


_latest_lock = threading.Lock()
_scheduled: set[str] = set()  # keys with a render submitted or on a timer, not yet begun
_rendered_at: dict[str, float] = {}


def publish_latest(seminar_id: int, key: str, render: Render) -> None:
    """Like `publish`, for a region whose newest state is all that matters (an idea wall).

    Every call with the same `key` must render the same region (from the database, at
    render time). After a commit, a render of the key is scheduled unless one is already
    waiting to begin (that one reads the newer state); and a key is rendered at most once
    every LIVE_LATEST_EVERY_SECONDS, later renders waiting on a timer. A burst of 500 ideas
    in ten seconds thus renders the wall about twenty times, not 500: rendering it (two
    languages, projector and tablets) took 50 ms, as much as ten requests (docs/live.md).
    Per process; no commit is left unshown, since its render begins after it.
    """
    every = settings.LIVE_LATEST_EVERY_SECONDS

    def begin(outbox: Outbox, answered: threading.Event | None = None) -> None:
        with _latest_lock:
            _scheduled.discard(key)  # before reading: a commit from now on schedules another
            _rendered_at[key] = time.monotonic()
        if not outbox.usable:  # the loop it was meant for stopped while the render waited
            outbox = current_outbox()
            if outbox is None:
                return
        render_off_request(outbox, seminar_id, render, answered)

    def after_commit() -> None:
        outbox = current_outbox()
        if outbox is None:
            render_and_send(seminar_id, render)
            return
        with _latest_lock:
            if key in _scheduled:
                return
            _scheduled.add(key)
            wait = _rendered_at.get(key, -every) + every - time.monotonic()
        if wait > 0:
            timer = threading.Timer(wait, renderer.submit, (begin, outbox))
            timer.daemon = True
            timer.start()
        else:
            renderer.submit(begin, outbox, current_answer())

    transaction.on_commit(after_commit)


def listened(seminar_id: int, audience: str) -> bool:
    """Whether a frame for `audience` may reach a screen; False only when it certainly cannot.

    Renders skip the audiences no screen receives (the English frames while every phone
    reads Danish, the tablets' while none is open): a screen that connects later joins
    its groups first and then renders its own snapshot from the database, so it misses
    nothing. Certain only in a server: on a process-local channel layer (the embedded
    default) this process's relay holds every socket there is; on Redis, Redis counts
    each group's subscribers, one per process holding a socket of it
    (`transport.subscribed`). Anything else counts as listened.
    """
    return listening(seminar_id, [audience])[0]


def listening(seminar_id: int, audience_names: list[str]) -> list[bool]:
    """`listened` for several audiences at once (one question to Redis, if any)."""
    outbox = current_outbox()
    if outbox is None:
        return [True] * len(audience_names)
    relay = relay_of(outbox.loop)
    groups = [group_name(seminar_id, audience) for audience in audience_names]
    here = [relay is not None and group in relay.members for group in groups]
    if outbox.local or all(here):
        return here
    # This process's own sockets count whatever Redis says (its subscription may be
    # reconnecting); Redis is asked about the others.
    elsewhere = transport.subscribed([group for group, local in zip(groups, here, strict=True)
                                      if not local])
    if elsewhere is None:
        return [True] * len(audience_names)
    answers = iter(elsewhere)
    return [local or next(answers) for local in here]


def languages_listened(seminar_id: int, audience: str) -> list[str]:
    """The language codes whose `<audience>-<code>` may reach a screen (see `listened`)."""
    codes = language_codes()
    heard = listening(seminar_id, [audiences.role(audience, code) for code in codes])
    return [code for code, yes in zip(codes, heard, strict=True) if yes]
