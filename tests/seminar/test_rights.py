"""A participant's rights: they see and download what is stored about them; a facilitator exports
and erases them, and afterwards no text column, page or export holds their name or e-mail."""

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from interviews.models import Interview
from seminar import rights
from seminar.models import Participant
from tests.gdpr import fill, media_files

NAME = "Zacharias Østergaard-Testesen"
EMAIL = "zach.erase@example.org"


def rows_of(person) -> dict[tuple[str, str], int]:
    return {
        (model._meta.label, field): model.objects.filter(**{field: person}).count()
        for model, field in rights.links_to_participant()
    }


@pytest.fixture
def person(seminar, settings, tmp_path):
    """The participant of a filled seminar with a photo, an interview, a case and more, renamed so
    that any trace is findable."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    fill(seminar)
    busiest = Interview.objects.get(seminar=seminar).author
    Participant.objects.filter(pk=busiest.pk).update(name=NAME, email=EMAIL, title="Afdelingsleder")
    return Participant.objects.get(pk=busiest.pk)


def phone_of(participant) -> Client:
    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


def every_text_value():
    """(model, column, value) for every text-like column of every row of every model."""
    for model in apps.get_models():
        columns = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values_list(*columns) if columns else []:
            for column, value in zip(columns, row, strict=True):
                yield (
                    model._meta.label,
                    column,
                    json.dumps(value, ensure_ascii=False, default=str) if value else "",
                )


def test_every_model_that_points_at_a_participant_has_an_erasure_policy():
    links = {(model._meta.label, field) for model, field in rights.links_to_participant()}

    assert links == set(rights.POLICY)


def test_the_participant_sees_and_downloads_everything_stored_about_them(person, seminar):
    phone = phone_of(person)

    page = phone.get(f"/s/{seminar.slug}/my-data/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    data = json.loads(phone.get(f"/s/{seminar.slug}/my-data.json").content)

    assert NAME in page and EMAIL in page and "Everything stored about you" in page
    assert "<h2>Citizen interviews</h2>" in page
    assert data["participant"]["name"] == NAME and data["participant"]["email"] == EMAIL
    stored = {label.split(" (")[0] for label in data["rows"]}
    expected = {label for (label, _), count in rows_of(person).items() if count}
    assert expected <= stored
    assert (
        "interviews.Interview" in stored and "goals.CommitmentMessage" in stored
    )  # a part of a row
    assert phone.get(f"/s/{seminar.slug}/my-data/").status_code == 200
    assert Client().get(f"/s/{seminar.slug}/my-data.json").status_code == 302


def test_the_facilitator_exports_one_participant_and_the_command_does_the_same(
    person, seminar, facilitator_client, capsys
):
    response = facilitator_client.get(f"/s/{seminar.slug}/people/{person.pk}/data.json")
    call_command("export_participant", seminar.slug, person.code.lower())
    by_code = json.loads(capsys.readouterr().out)
    call_command("export_participant", seminar.slug, EMAIL.upper())
    by_email = json.loads(capsys.readouterr().out)

    assert json.loads(response.content)["participant"]["email"] == EMAIL
    assert by_code["participant"]["name"] == by_email["participant"]["name"] == NAME
    with pytest.raises(CommandError, match="no participant"):
        call_command("export_participant", seminar.slug, "nobody@example.org")


def exports(client, seminar) -> str:
    """Every page and file a facilitator can take out of the seminar, as text."""
    texts = [
        client.get(f"/s/{seminar.slug}/{path}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        for path in (
            "report/",
            "people/",
            "run/homework/",
            "run/interviews/",
            "run/homework/reminders.csv",
        )
    ]
    with zipfile.ZipFile(
        io.BytesIO(client.get(f"/s/{seminar.slug}/report.zip").content)
    ) as archive:
        texts += [archive.read(name).decode("utf-8-sig") for name in archive.namelist()]
    book = load_workbook(io.BytesIO(client.get(f"/s/{seminar.slug}/report.xlsx").content))
    texts += [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row]
    pdf = PdfReader(io.BytesIO(client.get(f"/s/{seminar.slug}/report.pdf").content))
    texts += [page.extract_text() for page in pdf.pages]
    return "\n".join(texts)


def test_erasure_leaves_no_trace_of_name_or_email_and_keeps_the_groups_work(
    person, seminar, facilitator_client, django_capture_on_commit_callbacks
):
    before = rows_of(person)
    assert NAME in exports(facilitator_client, seminar)
    files_before = media_files()
    own_photos = {
        name for pair in person.ideas.values_list("photo", "photo_small") for name in pair if name
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(
            f"/s/{seminar.slug}/people/{person.pk}/erase/", {"confirm": NAME.upper()}
        )

    assert response.status_code == 303
    traces = [
        (label, column)
        for label, column, value in every_text_value()
        if NAME.lower() in value.lower() or EMAIL.lower() in value.lower()
    ]
    assert traces == []
    everything = exports(facilitator_client, seminar)
    assert NAME not in everything and EMAIL not in everything
    assert media_files() == files_before - own_photos
    after = rows_of(person)
    for (label, field), rule in rights.POLICY.items():
        if rule == rights.KEEP:
            assert after[(label, field)] == before[(label, field)], label
        if rule == rights.DELETE:
            assert after[(label, field)] == 0, label
    erased = Participant.objects.get(pk=person.pk)
    assert (erased.email, erased.title, erased.access_revoked) == ("", "", True)
    assert erased.code != person.code and erased.token != person.token
    assert (
        phone_of(person).get(f"/s/{seminar.slug}/my-data/").status_code == 302
    )  # the old link is dead


def test_an_erased_participant_reads_as_a_former_participant(person, seminar, facilitator_client):
    rights.erase(participant=person)

    english = facilitator_client.get(
        f"/s/{seminar.slug}/people/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    danish = facilitator_client.get(
        f"/s/{seminar.slug}/people/", HTTP_ACCEPT_LANGUAGE="da"
    ).content.decode()

    assert "a former participant" in english and "en tidligere deltager" in danish


def test_erasure_needs_the_typed_name_and_a_facilitator(person, seminar, facilitator_client):
    wrong = facilitator_client.post(
        f"/s/{seminar.slug}/people/{person.pk}/erase/", {"confirm": "Someone"}
    )
    phone = phone_of(person).post(f"/s/{seminar.slug}/people/{person.pk}/erase/", {"confirm": NAME})

    assert wrong.status_code == 303 and phone.status_code == 302
    assert Participant.objects.get(pk=person.pk).name == NAME


def test_the_erase_command_needs_yes(person, seminar, capsys):
    with pytest.raises(CommandError, match="--yes"):
        call_command("erase_participant", seminar.slug, EMAIL)
    assert Participant.objects.get(pk=person.pk).name == NAME

    call_command("erase_participant", seminar.slug, EMAIL, "--yes")

    assert f"erased participant {person.pk}" in capsys.readouterr().out
    assert Participant.objects.get(pk=person.pk).email == ""
    with pytest.raises(CommandError, match="no participant"):
        call_command("erase_participant", seminar.slug, EMAIL, "--yes")
