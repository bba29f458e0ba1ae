"""A seminar's end of life: purged with every row and file, others untouched; retention and
expiry."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from program import lifecycle
from program.models import Day, Idea
from seminar.models import Seminar
from tests import factories
from tests.gdpr import fill, media_files, row_counts


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def other(db, media):
    """Another seminar with data of its own, which no purge of the first may touch."""
    seminar = factories.seminar()
    fill(seminar)
    return seminar


def test_purge_removes_every_row_and_file_of_the_seminar_and_nothing_else(
    media, other, django_capture_on_commit_callbacks
):
    before, files_before = row_counts(), media_files()
    seminar = factories.seminar()
    fill(seminar)
    assert row_counts() != before and len(media_files()) > len(files_before)
    assert Idea.objects.filter(item__day__seminar=seminar).exclude(photo="").exists()

    with django_capture_on_commit_callbacks(
        execute=True
    ):  # the files go once the rows are committed
        call_command("purge_seminar", seminar.slug, "--yes")

    assert row_counts() == before
    assert media_files() == files_before
    assert not Seminar.objects.filter(slug=seminar.slug).exists()
    assert Seminar.objects.filter(pk=other.pk).exists()


def test_purge_seminar_needs_yes_and_an_existing_slug(other):
    with pytest.raises(CommandError, match="--yes"):
        call_command("purge_seminar", other.slug)
    with pytest.raises(CommandError, match="no seminar"):
        call_command("purge_seminar", "nope", "--yes")
    assert Seminar.objects.filter(pk=other.pk).exists()


def test_purge_seminar_prints_what_it_removed(other, capsys):
    call_command("purge_seminar", other.slug, "--yes")

    out = capsys.readouterr().out
    assert out.startswith(f"purged {other.slug}: ") and "  seminar.Participant: " in out
    assert "2 files" in out


def ended(days_ago: int) -> Seminar:
    """A seminar whose second (last) day was `days_ago` days ago."""
    seminar = factories.seminar()
    first, last = seminar.days.order_by("date")
    for day, back in ((first, days_ago + 1), (last, days_ago)):
        day.date = dt.date.today() - dt.timedelta(days=back)
        day.save()
    return seminar


def test_purge_expired_removes_only_seminars_past_the_retention(db, settings, capsys):
    settings.SEMINAR_RETENTION_DAYS = 30
    old, recent, no_days = ended(31), ended(30), factories.seminar()
    Day.objects.filter(seminar=no_days).delete()

    call_command("purge_expired")

    assert set(Seminar.objects.values_list("pk", flat=True)) == {recent.pk, no_days.pk}
    assert f"purged {old.slug}" in capsys.readouterr().out
    call_command("purge_expired")
    assert "no seminar ended more than 30 days ago" in capsys.readouterr().out


def test_retention_defaults_to_180_days_and_the_facilitator_sees_the_date(db, facilitator_client):
    seminar = ended(10)
    html = facilitator_client.get(
        f"/s/{seminar.slug}/run/end-of-life/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert lifecycle.retention_days() == 180
    assert lifecycle.purge_on(seminar) == dt.date.today() + dt.timedelta(days=171)
    assert "Its data is kept 180 days and will be deleted for good on" in html
    report = facilitator_client.get(
        f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "This seminar's data will be deleted on" in report


def test_the_facilitator_purges_with_the_typed_slug_only(
    media, other, facilitator_client, django_capture_on_commit_callbacks
):
    url = f"/s/{other.slug}/run/end-of-life/"

    wrong = facilitator_client.post(url, {"confirm": "something else"}, HTTP_ACCEPT_LANGUAGE="en")
    assert (
        wrong.status_code == 400
        and f"That is not “{other.slug}”. Nothing was deleted." in wrong.content.decode()
    )
    assert Seminar.objects.filter(pk=other.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        done = facilitator_client.post(url, {"confirm": other.slug})
    assert done.status_code == 303 and not Seminar.objects.filter(pk=other.pk).exists()
    assert media_files() == set()


def test_participants_cannot_purge(other, media):
    person = other.participants.first()
    phone = Client()
    phone.get(f"/p/{person.token}/")

    response = phone.post(f"/s/{other.slug}/run/end-of-life/", {"confirm": other.slug})

    assert response.status_code in (302, 403) and Seminar.objects.filter(pk=other.pk).exists()


def test_the_admin_deletes_a_seminar_with_its_participants(
    media, other, admin_client, django_capture_on_commit_callbacks
):
    url = f"/admin/seminar/seminar/{other.pk}/delete/"
    confirm = admin_client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(url, {"post": "yes"})

    assert confirm.status_code == 200
    assert (
        "Cannot delete" not in confirm.content.decode()
        and "Kan ikke slette" not in confirm.content.decode()
    )
    assert done.status_code == 302
    assert not Seminar.objects.filter(pk=other.pk).exists() and media_files() == set()


def test_a_department_with_people_cannot_be_deleted_alone(other):
    from django.db.models import RestrictedError

    department = other.participants.first().department

    with pytest.raises(RestrictedError):
        department.delete()
