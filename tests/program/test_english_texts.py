"""Every program text may have an English variant; English screens show it, Danish ones the Danish
text."""

import pytest
from django.test import Client

from program import selectors, services
from program.programfile import ProgramFileError, export_program, import_program, parse
from seminar.models import Seminar
from tests import factories
from tests.program.test_programfile import GOOD

ENGLISH = (
    GOOD.replace('title = "Mini"\n', 'title = "Mini"\ntitle_en = "Mini in English"\n', 1)
    .replace('title = "Torsdag"\n', 'title = "Torsdag"\ntitle_en = "Thursday"\n')
    .replace(
        'title = "Kaffe"\n',
        'title = "Kaffe"\ntitle_en = "Coffee"\ntext = "Kaffe og ankomst."\n'
        'text_en = "Coffee and arrival."\nleads_en = "The hosts"\nleads = "Værterne"\n',
    )
)


# The program file's rules, read in their English messages.
pytestmark = pytest.mark.usefixtures("english")


def screens(seminar, language):
    person = factories.participant(seminar, f"Ida {language}")
    phone, projector = Client(), Client()
    phone.get(f"/p/{person.token}/")
    projector.get(f"/s/{seminar.slug}/display/{seminar.display_token}/")
    return (
        phone.get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE=language).content.decode(),
        projector.get(
            f"/s/{seminar.slug}/projector/", HTTP_ACCEPT_LANGUAGE=language
        ).content.decode(),
    )


@pytest.mark.django_db
def test_english_screens_show_the_english_texts_and_danish_ones_the_danish():
    seminar = import_program(text=ENGLISH)
    coffee = seminar.days.get().items.get(position=0)
    services.jump(seminar=seminar, version=selectors.live_state(seminar).version, item=coffee)

    phone_en, projector_en = screens(seminar, "en")
    phone_da, projector_da = screens(seminar, "da")

    for html in (phone_en, projector_en):
        assert "Coffee" in html and "Coffee and arrival." in html and "The hosts" in html
    assert "Thursday" in phone_en
    for html in (phone_da, projector_da):
        assert "Kaffe og ankomst." in html and "Værterne" in html and "Coffee" not in html
    assert "Torsdag" in phone_da


@pytest.mark.django_db
def test_without_an_english_variant_english_screens_show_the_text_there_is():
    seminar = import_program(text=GOOD)
    services.jump(
        seminar=seminar,
        version=selectors.live_state(seminar).version,
        item=seminar.days.get().items.get(position=1),
    )

    phone_en, _ = screens(seminar, "en")

    assert "Borde" in phone_en


@pytest.mark.django_db
def test_english_variants_are_stored_and_exported_and_import_back_unchanged():
    seminar = import_program(text=ENGLISH)
    exported = export_program(seminar)
    Seminar.objects.all().delete()

    again = import_program(text=exported)

    assert (again.title_en, again.days.get().title_en) == ("Mini in English", "Thursday")
    assert 'text_en = "Coffee and arrival."' in exported and export_program(again) == exported


def test_an_english_variant_that_is_not_text_names_its_line():
    with pytest.raises(ProgramFileError) as error:
        parse(GOOD.replace('title = "Kaffe"\n', 'title = "Kaffe"\ntitle_en = 3\n'))

    assert str(error.value) == "line 18: title_en must be a text"
