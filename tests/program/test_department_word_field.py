"""The program file's `department_word` (and `department_word_en`): read, checked, stored,
exported and editable in the browser."""

import pytest

from program.programfile import ProgramFileError, export_program, import_program, parse
from tests.program.test_seminar_terms import with_head

OWN = (
    'department_word = ["forvaltning", "forvaltninger"]',
    'department_word_en = ["administration", "administrations"]',
)


@pytest.mark.django_db
def test_the_word_is_stored_and_exported_so_the_file_reads_back_the_same():
    seminar = import_program(text=with_head(*OWN))
    exported = export_program(seminar)
    again = parse(exported)

    assert (seminar.department_word, seminar.department_words) == ("forvaltning", "forvaltninger")
    assert (seminar.department_word_en, seminar.department_words_en) == (
        "administration",
        "administrations",
    )
    assert OWN[0] in exported and OWN[1] in exported
    assert again.department_word == ["forvaltning", "forvaltninger"]
    assert again.department_word_en == ["administration", "administrations"]


@pytest.mark.django_db
def test_without_the_field_nothing_is_stored_or_exported():
    seminar = import_program(text=with_head())

    assert (seminar.department_word, seminar.department_words) == ("", "")
    assert "department_word" not in export_program(seminar)


@pytest.mark.parametrize(
    "line",
    [
        'department_word = "forvaltning"',
        'department_word = ["forvaltning"]',
        'department_word = ["forvaltning", 2]',
        'department_word = ["<b>enhed</b>", "enheder"]',
        'department_word = ["enhed1", "enheder"]',
        f'department_word = ["{"e" * 41}", "enheder"]',
        'department_word_en = ["unit", ""]',
    ],
)
def test_a_word_that_is_not_a_pair_of_words_is_refused_at_its_line(line):
    with pytest.raises(ProgramFileError) as error:
        parse(with_head(line))

    assert [number for number, _ in error.value.problems] == [5]
    assert "department_word" in str(error.value)


def test_words_of_letters_with_a_hyphen_or_space_are_accepted():
    spec = parse(with_head('department_word = ["sund-omsorg", "sund-omsorger"]'))

    assert spec.department_word == ["sund-omsorg", "sund-omsorger"]


@pytest.mark.django_db
def test_the_editor_saves_the_word_and_refuses_half_a_pair(facilitator_client):
    seminar = import_program(text=with_head())
    url = f"/s/{seminar.slug}/program/seminar/"
    form = {"title": "Lederdag", "department_word": "enhed", "department_words": "enheder"}

    saved = facilitator_client.post(url, form)
    shown = facilitator_client.get(url).content.decode()
    refused = facilitator_client.post(url, {**form, "department_words": ""})

    seminar.refresh_from_db()
    assert saved.status_code == 303
    assert (seminar.department_word, seminar.department_words) == ("enhed", "enheder")
    assert 'value="enhed"' in shown and 'value="enheder"' in shown
    assert refused.status_code == 400
