"""Per-seminar facilitators: inviting a co-facilitator with a set-password link, removing one,
the personal links as CSV, and the migration that keeps every existing facilitator."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from seminar.models import Seminar
from tests import factories

pytestmark = pytest.mark.django_db


def test_invite_makes_an_account_that_sets_its_password_and_runs_only_this_seminar(
    facilitator_client, seminar
):
    other = factories.seminar()
    other.facilitators.clear()

    answer = facilitator_client.post(
        f"/s/{seminar.slug}/facilitators/invite/",
        {"name": "Søren Ødegård", "email": "Soren@Kommune.dk"},
    )

    page = answer.content.decode()
    user = User.objects.get(email="Soren@Kommune.dk")
    assert answer.status_code == 200
    assert (user.username, user.first_name, user.last_name) == (
        "soren@kommune.dk",
        "Søren",
        "Ødegård",
    )
    assert list(user.facilitated_seminars.all()) == [seminar]
    link = page.split('id="set-password-link" type="text" readonly size="60" value="')[1].split(
        '"'
    )[0]
    path = link.removeprefix("http://testserver").removeprefix("http://127.0.0.1:8000")
    browser = Client()
    form_page = browser.get(path, follow=True)
    assert form_page.status_code == 200
    done = browser.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Et-langt-kodeord-42", "new_password2": "Et-langt-kodeord-42"},
    )
    assert done.status_code == 302
    assert browser.login(username="soren@kommune.dk", password="Et-langt-kodeord-42")
    assert browser.get(f"/s/{seminar.slug}/run/").status_code == 200
    assert browser.get(f"/s/{other.slug}/run/").status_code == 403
    assert Client().get(path, follow=True).context["validlink"] is False  # the link works once


def test_inviting_an_existing_account_gives_no_password_link(facilitator_client, seminar):
    existing = User.objects.create_user(
        "karin", email="karin@kommune.dk", password="her-own-password-5"
    )

    page = facilitator_client.post(
        f"/s/{seminar.slug}/facilitators/invite/", {"name": "Karin", "email": "KARIN@kommune.dk"}
    ).content.decode()

    assert 'id="set-password-link"' not in page
    assert seminar.facilitators.filter(pk=existing.pk).exists()


def test_invite_with_a_bad_address_keeps_what_was_typed(facilitator_client, seminar):
    answer = facilitator_client.post(
        f"/s/{seminar.slug}/facilitators/invite/",
        {"name": "Bo", "email": "ikke en adresse"},
        HTTP_ACCEPT_LANGUAGE="da",
    )

    page = answer.content.decode()
    assert answer.status_code == 400
    assert 'value="ikke en adresse"' in page and 'value="Bo"' in page
    assert "Indtast en gyldig e-mail-adresse." in page
    assert 'aria-describedby="id_email_error"' in page


def test_the_last_facilitator_stays(facilitator_client, facilitator, seminar):
    answer = facilitator_client.post(
        f"/s/{seminar.slug}/facilitators/{facilitator.pk}/remove/", follow=True
    )

    assert list(seminar.facilitators.all()) == [facilitator]
    assert answer.status_code == 200


def test_a_facilitator_removes_a_co_facilitator(facilitator_client, seminar):
    co = User.objects.create_user("co", password="co-password-77")
    seminar.facilitators.add(co)

    facilitator_client.post(f"/s/{seminar.slug}/facilitators/{co.pk}/remove/")

    assert not seminar.facilitators.filter(pk=co.pk).exists()


@pytest.mark.parametrize("path", ["facilitators/invite/", "facilitators/1/remove/"])
def test_facilitator_changes_are_refused_to_others(seminar, phone_client, path):
    outsider = User.objects.create_user("ude", password="outside-password-3")
    outsider.user_permissions.add(Permission.objects.get(codename="facilitate"))
    client = Client()
    client.force_login(outsider)

    assert (
        client.post(f"/s/{seminar.slug}/{path}", {"name": "Ind", "email": "ind@x.dk"}).status_code
        == 403
    )
    assert (
        phone_client.post(
            f"/s/{seminar.slug}/{path}", {"name": "Ind", "email": "ind@x.dk"}
        ).status_code
        == 302
    )
    assert not User.objects.filter(email="ind@x.dk").exists()


def test_personal_links_download_as_the_projects_spreadsheet_csv(facilitator_client, seminar):
    person = factories.participant(seminar, name="=Ane", email="ane@kommune.dk")
    revoked = factories.participant(seminar, name="Gone", access_revoked=True)

    answer = facilitator_client.get(f"/s/{seminar.slug}/links.csv")

    text = answer.content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert answer["Content-Disposition"] == f'attachment; filename="{seminar.slug}-links.csv"'
    assert text.startswith("\ufeff")
    assert rows[1][:4] == ["'=Ane", "Teknik og Miljø", "ane@kommune.dk", person.code]
    assert rows[1][4].endswith(f"/p/{person.token}/")
    assert revoked.name not in text and len(rows) == 2


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_every_facilitator_on_every_existing_seminar():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("seminar", "0009_invitations")])
    apps = executor.loader.project_state(
        [("seminar", "0009_invitations"), ("auth", "0012_alter_user_first_name_max_length")]
    ).apps
    OldSeminar = apps.get_model("seminar", "Seminar")
    OldUser = apps.get_model("auth", "User")
    OldPermission = apps.get_model("auth", "Permission")
    old = OldSeminar.objects.create(slug="gammel", title="Gammel")
    runner = OldUser.objects.create(username="gammel-facilitator")
    runner.user_permissions.add(OldPermission.objects.get(codename="facilitate"))
    OldUser.objects.create(username="bare-en-bruger")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    seminar = Seminar.objects.get(pk=old.pk)
    assert list(seminar.facilitators.values_list("username", flat=True)) == ["gammel-facilitator"]
