"""Who goes first on a busy server: the request being answered, then the frames it published,
then background work (a resync of every phone)."""

import asyncio
import threading

# The request whose commit published frames is answered before they are rendered (at most
# this long): rendered side by side, the two share the interpreter lock a millisecond at a
# time and both finish late. One after the other, a facilitator's "Næste" was answered
# sooner and the phones' frame rendered in 12 ms instead of 27 (bench/fanout.py --probe).
ANSWER_FIRST_SECONDS = 0.1
_answering = threading.local()


class Answering:
    """Marks the current thread's request as being answered (see seminar.middleware)."""

    def __enter__(self) -> threading.Event:
        self.done = _answering.done = threading.Event()
        return self.done

    def __exit__(self, *exc) -> None:
        _answering.done = None
        self.done.set()


def current_answer() -> threading.Event | None:
    """Set once the request this thread is answering has its response (None outside one)."""
    return getattr(_answering, "done", None)


class Foreground:
    """Work someone is waiting for: an HTTP request being answered, frames being rendered.

    Counted by the ASGI application and the renderer. Background work (a resync of every
    phone) takes its turns between, so a click and the room's frames do not share the
    interpreter lock with it.
    """

    def __init__(self) -> None:
        self._count = 0
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        with self._lock:
            self._count += 1

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._count -= 1

    @property
    def busy(self) -> bool:
        return self._count > 0


foreground = Foreground()


async def background_turn(limit: float = 2.0) -> None:
    """Wait until no foreground work is under way (at most `limit` seconds)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while foreground.busy and loop.time() < deadline:
        await asyncio.sleep(0.005)
