"""How a click tells the mail worker there is mail: it rings after commit; the worker waits."""

import threading

bell = threading.Event()


def ring() -> None:
    """Let the worker look now (after a click's commit); nothing when no worker runs here."""
    bell.set()
