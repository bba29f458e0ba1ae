"""The program file to download imports back as the same program (one format both ways)."""

import dataclasses

import pytest

from program.editor import programdata
from program.programfile import export_program, parse
from program.programimport import load
from tests.conftest import REFERENCE_PROGRAM

pytestmark = pytest.mark.django_db


def test_downloaded_program_file_imports_back_as_the_same_program(
    facilitator_client, reference_seminar
):
    reference_seminar.facilitators.add(facilitator_client.session["_auth_user_id"])
    answer = facilitator_client.get(f"/s/{reference_seminar.slug}/program.toml")
    text = answer.content.decode()

    assert answer["Content-Disposition"] == f'attachment; filename="{reference_seminar.slug}.toml"'
    copy_spec = parse(text.replace(f'slug = "{reference_seminar.slug}"', 'slug = "round-trip"', 1))
    copy = load(copy_spec).seminar
    assert export_program(copy) == text.replace(
        f'slug = "{reference_seminar.slug}"', 'slug = "round-trip"', 1
    )


def without_lines(value):
    """A parsed program as plain data, without the line numbers (they depend on the layout)."""
    if dataclasses.is_dataclass(value):
        value = dataclasses.asdict(value)
    if isinstance(value, dict):
        return {key: without_lines(part) for key, part in value.items() if key != "line"}
    if isinstance(value, list):
        return [without_lines(part) for part in value]
    return value


def test_the_editors_writer_reads_back_as_the_file_it_came_from(reference_seminar):
    text, _places = programdata.write(programdata.read(reference_seminar))

    assert without_lines(parse(text)) == without_lines(
        parse(REFERENCE_PROGRAM.read_text(encoding="utf-8"))
    )
