import pytest
from django.utils import translation

from seminar.models import Participant
from seminar.roster import RosterError, import_roster, parse_roster
from tests.conftest import REFERENCE_PROGRAM

HEADER = "name,department,title,email,role\n"


@pytest.fixture(autouse=True)
def english():
    """The messages are translated; these tests read them in English."""
    with translation.override("en"):
        yield


def test_demo_roster_loads_72_plus_leads_with_4_process_leaders(seminar):
    data = (REFERENCE_PROGRAM.parent / "varde-2014-roster.csv").read_bytes()

    result = import_roster(seminar=seminar, data=data)

    assert (result.added, result.updated) == (75, 0)
    assert seminar.participants.filter(role=Participant.Role.PROCESS_LEADER).count() == 4
    assert seminar.participants.filter(role=Participant.Role.MANAGEMENT).count() == 3
    sizes = sorted((d.participants.count() for d in seminar.departments.all()), reverse=True)
    assert len(sizes) == 8 and sizes[0] == 24
    assert len({p.code for p in seminar.participants.all()}) == 75


def test_semicolon_roster_with_bom_is_read():
    rows = parse_roster("\ufeffName;Department\nAnne Holm;Kultur\n".encode())

    assert [(r.name, r.department, r.role) for r in rows] == [
        ("Anne Holm", "Kultur", "participant")
    ]


def test_every_bad_row_is_reported_and_nothing_is_saved(seminar):
    data = (
        HEADER + "Anne,,Leder,anne@example.com,participant\n"
        "Bo,Teknik,,bo@example.com,boss\n"
        "Carl,Teknik,,anne@example.com,\n"
        "Dorte,Teknik,,not-an-email,\n"
    ).encode()

    with pytest.raises(RosterError) as error:
        import_roster(seminar=seminar, data=data)

    assert [row for row, _ in error.value.problems] == [2, 3, 4, 5]
    assert "column department is empty" in error.value.problems[0][1]
    assert "also on row 2" in error.value.problems[2][1]
    assert not seminar.participants.exists()


def test_a_file_that_is_neither_utf8_nor_windows_1252_gets_a_clear_message():
    with pytest.raises(RosterError, match="neither UTF-8 nor Windows-1252"):
        parse_roster((HEADER + "Søren,Teknik,,,\n").encode("latin-1") + b"\x81")


def test_a_person_already_on_the_roster_is_updated_never_duplicated(seminar):
    import_roster(
        seminar=seminar, data=(HEADER + "Anne,Kultur,,Anne@Example.com,\nBo,Teknik,,,\n").encode()
    )
    anne, bo = seminar.participants.order_by("name")

    result = import_roster(
        seminar=seminar,
        data=(
            HEADER + "Anne Holm,Kultur,Chef,anne@EXAMPLE.com,\nBo,Teknik,Leder,,\nCai,Teknik,,,\n"
        ).encode(),
    )

    assert (result.added, result.updated) == (1, 2)
    assert list(seminar.participants.order_by("name").values_list("pk", "name", "title"))[:2] == [
        (anne.pk, "Anne Holm", "Chef"),
        (bo.pk, "Bo", "Leder"),
    ]
    assert seminar.participants.filter(name="Cai").count() == 1


def test_an_id_column_matches_people_whatever_their_new_name_or_e_mail(seminar):
    header = "name,department,email,id\n"
    import_roster(seminar=seminar, data=(header + "Anne,Kultur,anne@example.com,M-17\n").encode())
    anne = seminar.participants.get()

    result = import_roster(
        seminar=seminar, data=(header + "Anne Berg,Teknik,anne.berg@example.com,M-17\n").encode()
    )

    anne.refresh_from_db()
    assert (result.added, result.updated) == (0, 1) and seminar.participants.count() == 1
    assert (anne.name, anne.department.name, anne.email, anne.roster_id) == (
        "Anne Berg",
        "Teknik",
        "anne.berg@example.com",
        "M-17",
    )


def test_the_same_id_twice_in_a_file_names_both_rows():
    with pytest.raises(RosterError) as error:
        parse_roster(b"name,department,id\nAnne,Kultur,7\nBo,Teknik,7\n")

    assert error.value.problems == [(3, "column id: “7” is also on row 2")]
