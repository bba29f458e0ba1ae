"""The privacy page, in Danish and English, reachable from the join page and the phone."""

from django.test import Client

from program.programfile import export_program, parse
from tests.seminar.test_rights import phone_of


def test_the_privacy_page_says_what_who_how_long_and_how_to_remove(seminar, settings, client):
    settings.SEMINAR_RETENTION_DAYS = 90
    seminar.data_controller = "Varde Kommune"
    seminar.save()

    english = client.get(f"/s/{seminar.slug}/privacy/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    danish = client.get(f"/s/{seminar.slug}/privacy/", HTTP_ACCEPT_LANGUAGE="da").content.decode()

    for heading in (
        "What is stored",
        "Who sees it",
        "For how long",
        "How to see it or have it removed",
    ):
        assert heading in english
    assert "Responsible for the data: Varde Kommune." in english
    assert "deleted 90 days after its last day" in english
    assert "Ansvarlig for data: Varde Kommune." in danish and "Hvem ser det" in danish
    assert "slettes 90 dage efter" in danish


def test_without_a_controller_the_page_names_the_organiser(seminar, client):
    html = client.get(f"/s/{seminar.slug}/privacy/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Responsible for the data: the organiser of the seminar." in html


def test_the_join_page_and_the_phone_link_to_it(seminar, participant):
    join = Client().get(f"/s/{seminar.slug}/join/").content.decode()
    phone = phone_of(participant).get(f"/s/{seminar.slug}/").content.decode()

    assert f'href="/s/{seminar.slug}/privacy/" id="join-privacy"' in join
    assert f'href="/s/{seminar.slug}/privacy/" id="phone-privacy"' in phone
    assert f'href="/s/{seminar.slug}/my-data/" id="phone-my-data"' in phone


def test_the_program_file_carries_the_data_controller():
    text = (
        '[seminar]\nslug = "s"\ntitle = "T"\ndata_controller = "Varde Kommune, Bytoften 2"\n\n'
        '[[days]]\ndate = "2026-03-05"\ntitle = "Torsdag"\n'
    )

    assert parse(text).data_controller == "Varde Kommune, Bytoften 2"


def test_the_exported_program_file_keeps_the_data_controller(seminar):
    seminar.data_controller = "Varde Kommune"
    seminar.save()

    assert 'data_controller = "Varde Kommune"' in export_program(seminar)
