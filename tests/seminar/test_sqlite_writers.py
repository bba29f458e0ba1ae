"""The embedded default's SQLite backend queues a process's writers on a lock (seminar/sqlite)."""

import threading

import pytest
from django.db import OperationalError, connection, transaction

from seminar.models import Department
from seminar.sqlite import base
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("the writer queue is the SQLite backend's; this run uses another database")


def in_thread(work) -> threading.Thread:
    def run() -> None:
        try:
            work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_the_writer_lock_is_free_after_commit_rollback_and_close():
    seminar = factories.seminar()
    with transaction.atomic():
        Department.objects.create(seminar=seminar, name="Skole")
        assert base._writer.locked()
    assert not base._writer.locked()

    with pytest.raises(RuntimeError), transaction.atomic():
        Department.objects.create(seminar=seminar, name="Ældre")
        raise RuntimeError("rolled back")
    assert not base._writer.locked()
    assert list(Department.objects.values_list("name", flat=True)) == ["Skole"]

    transaction.set_autocommit(False)
    try:
        connection._start_transaction_under_autocommit()
        assert base._writer.locked()
        connection.close()
    finally:
        connection.connect()
    assert not base._writer.locked()


def test_a_second_writer_begins_when_the_first_commits_and_both_are_saved():
    seminar = factories.seminar()
    first_wrote, first_may_commit, second_began = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with transaction.atomic():
            Department.objects.create(seminar=seminar, name="Først")
            first_wrote.set()
            first_may_commit.wait(10)

    def second() -> None:
        first_wrote.wait(10)
        with transaction.atomic():
            second_began.set()
            Department.objects.create(seminar=seminar, name="Dernæst")

    threads = [in_thread(first), in_thread(second)]
    assert first_wrote.wait(10)
    assert not second_began.wait(0.3), "the second writer began while the first held the lock"
    first_may_commit.set()
    for thread in threads:
        thread.join(10)
    assert second_began.is_set()
    assert sorted(Department.objects.values_list("name", flat=True)) == ["Dernæst", "Først"]
    assert not base._writer.locked()


def test_a_writer_that_waits_past_the_timeout_gets_database_is_locked(monkeypatch):
    seminar = factories.seminar()
    monkeypatch.setitem(connection.settings_dict["OPTIONS"], "timeout", 0.2)
    outcome: list[str] = []

    def second() -> None:
        try:
            with transaction.atomic():
                Department.objects.create(seminar=seminar, name="For sent")
        except OperationalError as error:
            outcome.append(str(error))

    with transaction.atomic():
        Department.objects.create(seminar=seminar, name="Holder")
        in_thread(second).join(10)
    assert outcome and "database is locked" in outcome[0]
    assert list(Department.objects.values_list("name", flat=True)) == ["Holder"]
    assert not base._writer.locked()


def test_the_database_is_in_wal_mode_and_commits_do_not_wait_for_the_disk():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]

    assert (journal, synchronous) == ("wal", 1)  # 1 = NORMAL (2 = FULL waits for the disk on every commit)
