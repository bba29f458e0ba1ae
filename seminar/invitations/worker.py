"""The server's mail worker: one thread per server process that sends queued mail.

Started by `seminar.serve` (the server `make run` and production run), never by tests in
the test process or by management commands, which send with `send_invitations` instead.
Several workers (several daphne processes) may run at once: each row is claimed by one.
The thread looks for queued rows every MAIL_POLL_SECONDS, and at once when a click in its
own process queued some (`wake`).
"""

import logging
import threading

from django.conf import settings
from django.db import connections

log = logging.getLogger(__name__)

_wake = threading.Event()
_stop = threading.Event()
_thread: threading.Thread | None = None


def wake() -> None:
    """Let the worker look now (after a click's commit); nothing when no worker runs here."""
    _wake.set()


def _run() -> None:
    from seminar.invitations import services

    while not _stop.is_set():
        _wake.clear()
        try:
            services.send_queued(stop=_stop)
        except Exception:  # the database was away: look again on the next round
            log.warning("the mail worker's round failed", exc_info=True)
        finally:
            connections.close_all()  # this thread's connections only
        _wake.wait(settings.MAIL_POLL_SECONDS)


def start() -> threading.Thread | None:
    """Start the worker thread (once per process), unless MAIL_WORKER is off."""
    global _thread
    if not settings.MAIL_WORKER or (_thread is not None and _thread.is_alive()):
        return _thread
    _stop.clear()
    _thread = threading.Thread(target=_run, name="mail-worker", daemon=True)
    _thread.start()
    return _thread


def stop(timeout: float = 30) -> None:
    """Let the worker finish the mail it is sending, and stop (the server is stopping)."""
    _stop.set()
    _wake.set()
    if _thread is not None:
        _thread.join(timeout)
