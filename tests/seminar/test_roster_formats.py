"""Rosters as organisers have them: Danish Excel CSV, XLSX, Danish headers and roles, æ/ø/å in
e-mails; every error names its row, its column and its value, in the user's language."""

import io

import openpyxl
import pytest
from django.utils import translation

from seminar.models import Participant
from seminar.roster import RosterError, import_roster, parse_roster

# What Danish Excel saves as "CSV (semikolonsepareret)": Windows-1252, semicolons, CRLF.
DANISH_EXCEL = (
    "Navn;Afdeling;Stilling;E-mail;Rolle\r\n"
    "Søren Ærø;Børn og Unge;Skoleleder;søren.ærø@kommune.dk;deltager\r\n"
    "Åse Øster;Kultur og Fritid;Chef;ase@kommune.dk;Procesleder\r\n"
    "Jens Hald;Direktionen;Direktør;JENS@kommune.dk;ledelse\r\n"
).encode("cp1252")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_a_danish_excel_csv_is_read_with_its_headers_roles_and_letters(seminar):
    result = import_roster(seminar=seminar, data=DANISH_EXCEL, filename="deltagere.csv")

    people = list(
        seminar.participants.order_by("name").values_list(
            "name", "department__name", "title", "email", "role"
        )
    )
    assert (result.added, result.updated) == (3, 0)
    assert people == [
        ("Jens Hald", "Direktionen", "Direktør", "JENS@kommune.dk", Participant.Role.MANAGEMENT),
        (
            "Søren Ærø",
            "Børn og Unge",
            "Skoleleder",
            "søren.ærø@kommune.dk",
            Participant.Role.PARTICIPANT,
        ),
        (
            "Åse Øster",
            "Kultur og Fritid",
            "Chef",
            "ase@kommune.dk",
            Participant.Role.PROCESS_LEADER,
        ),
    ]


def test_the_same_excel_file_again_updates_everyone_and_adds_no_one(seminar):
    import_roster(seminar=seminar, data=DANISH_EXCEL, filename="deltagere.csv")

    again = import_roster(
        seminar=seminar, data=DANISH_EXCEL.replace(b"JENS@", b"jens@"), filename="deltagere.csv"
    )

    assert (again.added, again.updated, seminar.participants.count()) == (0, 3, 3)


def test_an_xlsx_with_danish_headers_is_read():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["navn", "afdeling", "e-mail", "rolle", "id"])
    sheet.append(["Mette Bro", "Teknik og Miljø", "mette@kommune.dk", "process leader", 1017])
    sheet.append([None, None, None, None, None])
    sheet.append(["Niels Å", "Teknik og Miljø", None, None, 1018])
    data = io.BytesIO()
    workbook.save(data)

    rows = parse_roster(data.getvalue(), "deltagere.xlsx")

    assert [(r.name, r.email, r.role, r.roster_id) for r in rows] == [
        ("Mette Bro", "mette@kommune.dk", "process_leader", "1017"),
        ("Niels Å", "", "participant", "1018"),
    ]


EVERY_ERROR = (
    "navn;afdeling;rolle;e-mail;telefon\n"
    "Anne Holm;;deltager;anne@kommune.dk;\n"
    "Bo Dam;Teknik;chef;bo@kommune.dk;\n"
    ";Teknik;;ikke en adresse;\n"
    "Cai Berg;Teknik;;ANNE@kommune.dk;\n"
    f"{'N' * 121};Teknik;;;\n"
    "Dea\tLund;Teknik;;;;ekstra\n"
)


def test_a_file_with_every_kind_of_error_names_row_column_and_value():
    with pytest.raises(RosterError) as header_error:
        parse_roster(EVERY_ERROR.encode())
    with pytest.raises(RosterError) as row_errors:
        parse_roster(EVERY_ERROR.replace(";telefon", "").encode())

    assert header_error.value.problems == [
        (
            1,
            "column “telefon” is not a roster column (use name/navn, department/afdeling, "
            "title/stilling, email/e-mail, role/rolle, id)",
        )
    ]
    assert row_errors.value.problems == [
        (2, "column afdeling is empty"),
        (
            3,
            "column rolle: “chef” is not a role (use deltager, procesleder or ledelse; "
            "participant, process_leader or management)",
        ),
        (4, "column navn is empty"),
        (4, "column e-mail: “ikke en adresse” is not an e-mail address"),
        (5, "column e-mail: “ANNE@kommune.dk” is also on row 2"),
        (6, f"column navn is 121 characters long, at most 120: “{'N' * 40}…”"),
        (7, "column navn holds a control character: “Dea\\tLund”"),
        (7, "a column without a heading holds “ekstra”"),
    ]


def test_a_missing_column_and_a_column_given_twice_are_named():
    with pytest.raises(RosterError) as error:
        parse_roster("navn;name;rolle\nAnne;Anne;\n".encode())

    assert error.value.problems == [
        (1, "columns “navn” and “name” are the same column"),
        (1, "column “department” is missing"),
    ]


def test_errors_are_in_the_users_language_on_the_web_import(facilitator_client, seminar):
    handle = io.BytesIO(EVERY_ERROR.replace(";telefon", "").encode("cp1252"))
    handle.name = "deltagere.csv"

    response = facilitator_client.post(
        f"/s/{seminar.slug}/people/import/", {"file": handle}, HTTP_ACCEPT_LANGUAGE="da"
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "kolonnen afdeling er tom" in html
    assert "kolonnen rolle: “chef” er ikke en rolle" in html
    assert "kolonnen e-mail: “ikke en adresse” er ikke en e-mailadresse" in html
    assert "is not" not in html and not Participant.objects.exists()
