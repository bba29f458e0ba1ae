"""The embedded default's SQLite backend queues a process's writers on a lock (seminar/sqlite).

The tests open their own SQLite database with the project's options, so that they run
on every pass of the suite, the PostgreSQL one included.
"""

import threading

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.utils import ConnectionHandler

from seminar.sqlite import base


@pytest.fixture
def connect(tmp_path, django_db_blocker):
    """Opens a connection (one per thread, as Django's) to a fresh SQLite database."""
    options = dict(settings.SQLITE_OPTIONS)
    path = str(tmp_path / "writers.sqlite3")

    def connection():
        return ConnectionHandler(
            {"default": {"ENGINE": "seminar.sqlite", "NAME": path, "OPTIONS": options}}
        )["default"]

    with django_db_blocker.unblock():  # not the test database: a file of its own
        first = connection()
        with first.cursor() as cursor:
            cursor.execute("CREATE TABLE department (name TEXT)")
        first.close()
        connection.options = options
        yield connection


def begin(connection) -> None:
    connection.ensure_connection()
    connection._start_transaction_under_autocommit()  # what transaction.atomic() does on SQLite


def write(connection, name: str, commit: bool = True) -> None:
    begin(connection)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO department VALUES (%s)", [name])
    if commit:
        connection.commit()


def names(connection) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM department ORDER BY name")
        return [row[0] for row in cursor.fetchall()]


def in_thread(work) -> threading.Thread:
    thread = threading.Thread(target=work)
    thread.start()
    return thread


def test_the_writer_lock_is_free_after_commit_rollback_and_close(connect):
    connection = connect()
    write(connection, "Skole", commit=False)
    assert base._writer.locked()
    connection.commit()
    assert not base._writer.locked()

    write(connection, "Ældre", commit=False)
    connection.rollback()
    assert not base._writer.locked()

    write(connection, "Kultur", commit=False)
    connection.close()
    assert not base._writer.locked()
    assert names(connect()) == ["Skole"]


def test_a_second_writer_begins_when_the_first_commits_and_both_are_saved(connect):
    first_wrote, first_may_commit, second_began = (
        threading.Event(),
        threading.Event(),
        threading.Event(),
    )

    def first() -> None:
        connection = connect()
        write(connection, "Først", commit=False)
        first_wrote.set()
        first_may_commit.wait(10)
        connection.commit()
        connection.close()

    def second() -> None:
        first_wrote.wait(10)
        connection = connect()
        begin(connection)
        second_began.set()
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO department VALUES ('Dernæst')")
        connection.commit()
        connection.close()

    threads = [in_thread(first), in_thread(second)]
    assert first_wrote.wait(10)
    assert not second_began.wait(0.3), "the second writer began while the first held the lock"
    first_may_commit.set()
    for thread in threads:
        thread.join(10)
    assert second_began.is_set()
    assert names(connect()) == ["Dernæst", "Først"]
    assert not base._writer.locked()


def test_a_writer_that_waits_past_the_timeout_gets_database_is_locked(connect):
    connect.options["timeout"] = 0.2
    holder = connect()
    write(holder, "Holder", commit=False)
    outcome: list[str] = []

    def second() -> None:
        connection = connect()
        try:
            write(connection, "For sent")
        except OperationalError as error:
            outcome.append(str(error))
        finally:
            connection.close()

    in_thread(second).join(10)
    holder.commit()
    assert outcome and "database is locked" in outcome[0]
    assert names(connect()) == ["Holder"]
    assert not base._writer.locked()


def test_the_database_is_in_wal_mode_and_commits_do_not_wait_for_the_disk(connect):
    with connect().cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]

    assert (journal, synchronous) == (
        "wal",
        1,
    )  # 1 = NORMAL (2 = FULL waits for the disk on every commit)
