"""Roster imports check every value against its database column and cap the rows, so a
bad file is a clear list of rows to fix (on SQLite and PostgreSQL alike) and a huge one is
refused at once, through the web import and the `import_roster` command."""

import io
import time

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from seminar.models import Participant
from seminar.roster import MAX_ROWS, RosterError, import_roster, parse_roster

HEADER = "name,department,title,email,role\n"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def csv_file(*rows: str) -> bytes:
    return (HEADER + "".join(row + "\n" for row in rows)).encode()


def xlsx_file(rows: int) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["name", "department", "title", "email", "role"])
    for number in range(rows):
        sheet.append(
            [f"Leder {number}", f"Afdeling {number % 40}", "Leder", f"l{number}@example.dk", ""]
        )
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


def upload(client, seminar, name: str, data: bytes):
    handle = io.BytesIO(data)
    handle.name = name
    return client.post(f"/s/{seminar.slug}/people/import/", {"file": handle}, **EN)


LONG = {
    "name": ("N" * 300 + ",Kultur,,,", 120),
    "department": ("Anne Holm," + "D" * 121 + ",,,", 120),
    "title": ("Anne Holm,Kultur," + "T" * 200 + ",,", 120),
    "email": ("Anne Holm,Kultur,," + "a" * 251 + "@example.dk,", 254),
}


def long_message(column: str) -> str:
    row, limit = LONG[column]
    value = row.split(",")[("name", "department", "title", "email").index(column)]
    return f"column {column} is {len(value)} characters long, at most {limit}: “{value[:40]}…”"


@pytest.mark.parametrize("column", LONG)
def test_a_value_too_long_for_its_column_is_a_clear_error_and_nothing_is_saved(seminar, column):
    with translation.override("en"), pytest.raises(RosterError) as error:
        import_roster(seminar=seminar, data=csv_file("Bo Dam,Teknik,,,", LONG[column][0]))

    assert error.value.problems == [(3, long_message(column))]
    assert not Participant.objects.exists()


@pytest.mark.parametrize("column", LONG)
def test_the_web_import_names_row_column_and_value(facilitator_client, seminar, column):
    response = upload(facilitator_client, seminar, "roster.csv", csv_file(LONG[column][0]))

    assert response.status_code == 400
    assert f"Row 2: {long_message(column)}" in response.content.decode()
    assert not Participant.objects.exists()


@pytest.mark.parametrize("column", LONG)
def test_the_import_command_names_row_column_and_value(seminar, tmp_path, column):
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_file(LONG[column][0]))

    with pytest.raises(CommandError) as error, translation.override("en"):
        call_command("import_roster", seminar.slug, str(path))

    assert f"row 2: {long_message(column)}" in str(error.value)
    assert not Participant.objects.exists()


def test_a_control_character_is_refused_by_name(facilitator_client, seminar):
    response = upload(facilitator_client, seminar, "roster.csv", csv_file("Anne\x00Holm,Kultur,,,"))

    assert response.status_code == 400
    assert (
        "Row 2: column name holds a control character: “Anne\\x00Holm”" in response.content.decode()
    )
    assert not Participant.objects.exists()


def test_a_file_over_the_row_limit_is_refused(facilitator_client, seminar):
    rows = [f"Leder {number},Kultur,,," for number in range(MAX_ROWS + 1)]

    response = upload(facilitator_client, seminar, "roster.csv", csv_file(*rows))

    assert response.status_code == 400
    assert "The file has more than 2000 participants; split it" in response.content.decode()


def test_a_60000_row_workbook_is_refused_quickly_with_a_small_page(facilitator_client, seminar):
    data = xlsx_file(60_000)

    started = time.perf_counter()
    response = upload(facilitator_client, seminar, "roster.xlsx", data)
    took = time.perf_counter() - started

    assert response.status_code == 400
    assert "The file has more than 2000 participants" in response.content.decode()
    assert took < 5  # 8 s before the cap, on a quiet machine; generous for a busy CI runner
    assert len(response.content) < 200_000
    assert not Participant.objects.exists()


def test_a_full_workbook_previews_its_first_rows_with_the_counts_and_imports_all(
    facilitator_client, seminar
):
    response = upload(facilitator_client, seminar, "roster.xlsx", xlsx_file(MAX_ROWS))

    html = response.content.decode()
    assert "Preview: 2000 participants" in html
    assert "In 40 departments. The first 50 are shown below; 1950 more will be imported" in html
    assert html.count("@example.dk</td>") == 50
    assert len(response.content) < 200_000
    facilitator_client.post(f"/s/{seminar.slug}/people/import/", {"confirm": "1"})
    assert seminar.participants.count() == MAX_ROWS


@pytest.mark.parametrize(
    ("rows", "refused"), [(MAX_ROWS, False), (MAX_ROWS + 1, True), (6 * MAX_ROWS, True)]
)
def test_the_row_cap_of_a_workbook_counts_participants_not_the_header(rows, refused):
    with translation.override("en"):
        try:
            parse_roster(xlsx_file(rows), "roster.xlsx")
            problems = []
        except RosterError as error:
            problems = error.problems

    assert bool(problems) == refused
    assert all("more than 2000 participants" in message for _, message in problems)
