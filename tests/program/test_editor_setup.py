"""Making a seminar in the browser: empty, from a program file, or as a copy of another."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from program.models import AgendaItem, Idea
from program.programfile import export_program
from seminar.models import Seminar
from tests import factories
from tests.conftest import REFERENCE_PROGRAM

pytestmark = pytest.mark.django_db


def test_home_lists_the_facilitators_seminars_with_new_seminar(facilitator_client, seminar):
    page = facilitator_client.get("/").content.decode()

    assert seminar.title in page
    assert 'href="/new/"' in page


def test_an_empty_seminar_gets_a_slug_from_its_title_and_its_maker_as_facilitator(
    facilitator_client, facilitator
):
    answer = facilitator_client.post(
        "/new/", {"title": "Ældreplejens dag", "slug": "", "start": "empty"}
    )

    seminar = Seminar.objects.get(title="Ældreplejens dag")
    assert answer.status_code == 303 and answer["Location"] == f"/s/{seminar.slug}/program/"
    assert seminar.slug == "aeldreplejens-dag"
    assert list(seminar.facilitators.all()) == [facilitator]
    assert not seminar.days.exists()


def test_a_seminar_from_a_program_file_has_its_program(facilitator_client):
    upload = SimpleUploadedFile("program.toml", REFERENCE_PROGRAM.read_bytes())

    answer = facilitator_client.post(
        "/new/", {"title": "", "slug": "ny-2027", "start": "file", "file": upload}
    )

    assert answer.status_code == 303
    seminar = Seminar.objects.get(slug="ny-2027")
    assert AgendaItem.objects.for_seminar(seminar).count() > 20


def test_a_broken_program_file_is_refused_with_its_lines_and_keeps_the_title(facilitator_client):
    upload = SimpleUploadedFile(
        "program.toml", b'[seminar]\nslug = "x"\ntitle = "T"\nmystery = 1\n'
    )

    answer = facilitator_client.post(
        "/new/", {"title": "Mit seminar", "start": "file", "file": upload}
    )

    page = answer.content.decode()
    assert answer.status_code == 400
    assert "Linje 4: ukendt felt &#x27;mystery&#x27; i [seminar]" in page
    assert 'value="Mit seminar"' in page
    assert not Seminar.objects.filter(slug="x").exists()


def test_a_copy_has_the_program_departments_and_settings_but_no_participants_or_their_work(
    facilitator_client,
):
    source = factories.seminar(colour="#0b4f8a", goal_year="2027")
    person = factories.participant(source)
    Idea.objects.create(
        item=AgendaItem.objects.for_seminar(source).first(),
        author=person,
        text="Idé",
        key="00000000-0000-0000-0000-000000000002",
    )

    answer = facilitator_client.post(
        "/new/", {"title": "Næste år", "slug": "naeste-aar", "start": "copy", "source": source.slug}
    )

    assert answer.status_code == 303
    copy = Seminar.objects.get(slug="naeste-aar")
    assert (copy.title, copy.colour, copy.goal_year) == ("Næste år", "#0b4f8a", "2027")
    assert export_program(copy).split("\n", 3)[3] == export_program(source).split("\n", 3)[3]
    assert list(copy.departments.values_list("name", flat=True)) == ["Teknik og Miljø"]
    assert not copy.participants.exists()
    assert not Idea.objects.filter(item__day__seminar=copy).exists()


def test_copy_only_of_a_seminar_one_runs(client):
    from django.contrib.auth.models import Permission, User

    outsider = User.objects.create_user("ude", password="outside-password-3")
    outsider.user_permissions.add(Permission.objects.get(codename="facilitate"))
    client.force_login(outsider)
    source = factories.seminar()

    answer = client.post("/new/", {"title": "Kopi", "start": "copy", "source": source.slug})

    assert answer.status_code == 400
    assert not Seminar.objects.filter(title="Kopi").exists()


def test_a_taken_slug_is_refused_in_danish(facilitator_client, seminar):
    answer = facilitator_client.post(
        "/new/",
        {"title": "Igen", "slug": seminar.slug, "start": "empty"},
        HTTP_ACCEPT_LANGUAGE="da",
    )

    assert answer.status_code == 400
    assert 'aria-describedby="id_slug_helptext id_slug_error"' in answer.content.decode()


def test_a_participant_cannot_make_a_seminar(phone_client):
    assert phone_client.get("/new/").status_code == 302
    assert phone_client.post("/new/", {"title": "X", "start": "empty"}).status_code == 302
    assert not Seminar.objects.filter(title="X").exists()


def test_setup_demo_without_a_seminar_makes_only_the_facilitator(db):
    from django.contrib.auth.models import User
    from django.core.management import call_command

    out = io.StringIO()
    call_command("setup_demo", slug="", stdout=out)

    assert not Seminar.objects.exists()
    assert User.objects.get(username="facilitator").has_perm("seminar.facilitate")
    assert "Nyt seminar" in out.getvalue() and "password:" in out.getvalue()


def test_import_program_names_who_runs_the_seminar(db):
    from django.contrib.auth.models import User
    from django.core.management import call_command

    runner = User.objects.create_user("anne", password="annes-password-4")
    call_command(
        "import_program", str(REFERENCE_PROGRAM), "--facilitator", "anne", stdout=io.StringIO()
    )

    assert list(Seminar.objects.get(slug="varde-2014").facilitators.all()) == [runner]
