"""Django's SQLite backend, with writers queued on a lock in the process instead of SQLite's busy
wait.

SQLite lets one transaction write at a time; the others wait in its busy handler, which
sleeps and retries with growing pauses (up to 100 ms each). Under a burst (500 phones
sending ideas in ten seconds to the one daphne process of the embedded default) that
made the answers' tail ten times slower than their median: a writer slept on while the
lock stood free. Here a write transaction (BEGIN IMMEDIATE, see settings) first takes a
lock shared by the process's connections, so the next writer starts the moment the last
one commits. Other processes (a manage.py command beside the server) still meet SQLite's
own lock and wait as before. The wait is bounded by the same timeout as SQLite's.
"""

import threading

from django.db import OperationalError
from django.db.backends.sqlite3 import base

_writer = threading.Lock()


class DatabaseWrapper(base.DatabaseWrapper):
    holds_writer = False

    def _start_transaction_under_autocommit(self) -> None:
        timeout = float(self.settings_dict.get("OPTIONS", {}).get("timeout", 5))
        if not _writer.acquire(timeout=timeout):
            raise OperationalError(
                "database is locked (another writer in this process held it too long)"
            )
        self.holds_writer = True
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._let_go()
            raise

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._let_go_when_done()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._let_go_when_done()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._let_go()

    def _let_go_when_done(self) -> None:
        if self.connection is None or not self.connection.in_transaction:
            self._let_go()

    def _let_go(self) -> None:
        if self.holds_writer:
            self.holds_writer = False
            _writer.release()
