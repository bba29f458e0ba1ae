"""The seminar report: everything the room produced, in program order, as a page and as CSV
files."""

import csv
import io
import zipfile

import pytest
from django.test import Client

from seminar import spreadsheets
from tests.program.report_data import HOSTILE, PRIVATE, produce
from tests.reports import unzip_rows


def unzip(content: bytes) -> dict[str, list[dict]]:
    """Each CSV of the ZIP as rows keyed by column; the BOM must be there and csv must read the
    rest."""
    return unzip_rows(content)


@pytest.fixture
def produced(seminar, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return produce(seminar)


def test_report_page_shows_each_sections_content_under_its_item_in_program_order(
    produced, seminar, facilitator_client
):
    html = facilitator_client.get(
        f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    markers = [
        "Questions from the room",
        "Speaking order",
        "Table talk cards",
        "Flere frivillige",
        "Ideas",
        "Kulturnat",
        "Reactions in the galleries",
        "Comments in the galleries",
        "Godt tænkt",
    ]
    body = html.split("Before the seminar" if "Before the seminar" in html else "<h2>Torsdag", 1)[1]
    positions = [body.index(marker) for marker in markers]
    assert positions == sorted(positions)
    assert '<h3><span class="time">08:00</span> Kaffe</h3>' in html
    assert (
        produced["speaker"].participant.name
        in body.split("Speaking order", 1)[1].split("</ol>", 1)[0]
    )


def test_report_page_keeps_hidden_things_apart_and_marked(produced, seminar, facilitator_client):
    html = facilitator_client.get(
        f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    for marker in ["HIDDEN-QUESTION", "HIDDEN-CARD", "HIDDEN-IDEA", "HIDDEN-COMMENT"]:
        before = html.split(marker, 1)[0]
        assert before.rindex("Hidden by a facilitator") > before.rindex(
            '<section class="report-section">'
        ), marker


def test_report_never_holds_drafts_feedback_or_action_plans(produced, seminar, facilitator_client):
    html = facilitator_client.get(f"/s/{seminar.slug}/report/").content.decode()
    archive = facilitator_client.get(
        f"/s/{seminar.slug}/report.zip", HTTP_ACCEPT_LANGUAGE="en"
    ).content
    everything = html + "".join(str(rows) for rows in unzip(archive).values())

    assert [marker for marker in PRIVATE if marker in everything] == []


def test_report_escapes_hostile_text_and_shows_anonymous_questions_without_a_name(
    produced, seminar, facilitator_client
):
    html = facilitator_client.get(
        f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    anonymous = html.split("Anonymous question", 1)[1].split("</li>", 1)[0]
    assert "anonymous" in anonymous
    assert produced["secret"].author.name not in anonymous


def test_report_shows_photos_through_the_protected_photo_view(
    produced, seminar, facilitator_client
):
    html = facilitator_client.get(f"/s/{seminar.slug}/report/").content.decode()

    url = f"/s/{seminar.slug}/photos/{produced['idea'].pk}/small/"
    assert f'<img src="{url}"' in html
    assert facilitator_client.get(url)["Content-Type"] == "image/jpeg"
    assert Client().get(url).status_code == 404


def test_report_zip_has_a_csv_per_kind_of_content_in_report_order(
    produced, seminar, facilitator_client
):
    response = facilitator_client.get(f"/s/{seminar.slug}/report.zip", HTTP_ACCEPT_LANGUAGE="en")

    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="{seminar.slug}-report.zip"'
    files = unzip(response.content)
    assert list(files)[:2] == ["seminar", "agenda"]
    assert {"questions", "table_cards", "ideas", "reactions", "comments", "speakers"} <= set(files)
    assert dict((row["field"], row["value"]) for row in files["seminar"])["title"] == seminar.title
    assert [row["item"] for row in files["agenda"]] == [
        "Kaffe",
        "Velkommen",
        "Gåtur",
        "Overraskelse",
        "God morgen",
    ]
    assert files["agenda"][1]["actual_start"] != ""
    assert [(row["text"], row["hidden"]) for row in files["table_cards"]] == [
        ("Flere frivillige", ""),
        ("HIDDEN-CARD", "yes"),
    ]
    assert [
        (row["idea"], row["love_reactions"], row["comments"])
        for row in files["reactions"]
        if row["idea"] == "Kulturnat"
    ] == [("Kulturnat", "1", "1")]
    assert (
        files["speakers"][0]["order"],
        files["speakers"][0]["speaker"],
        files["speakers"][0]["spoke"],
    ) == ("1", produced["speaker"].participant.name, "yes")


def test_report_csv_prefixes_cells_that_a_spreadsheet_would_run_as_formulas(
    produced, seminar, facilitator_client
):
    files = unzip(
        facilitator_client.get(f"/s/{seminar.slug}/report.zip", HTTP_ACCEPT_LANGUAGE="en").content
    )

    first = files["questions"][0]
    assert (first["question"], first["votes"], first["answered"]) == ("'" + HOSTILE, "1", "yes")
    assert [
        row["asked_by"] for row in files["questions"] if row["question"] == "Anonymous question"
    ] == [""]


@pytest.mark.parametrize(
    "value, shown",
    [
        ("=1+1", "'=1+1"),
        ("+45 1234", "'+45 1234"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("ok = fine", "ok = fine"),
        (-3, -3),
    ],
)
def test_safe_cell_prefixes_formula_starts_only(value, shown):
    assert spreadsheets.safe_cell(value) == shown


def test_report_csv_files_open_in_danish_excel(produced, seminar, facilitator_client):
    """Semicolons (Danish Excel's list separator) and a byte-order mark (so it reads UTF-8)."""
    archive = zipfile.ZipFile(
        io.BytesIO(facilitator_client.get(f"/s/{seminar.slug}/report.zip").content)
    )
    for name in archive.namelist():
        raw = archive.read(name)
        header = raw.decode("utf-8").splitlines()[0]
        assert raw.startswith("\ufeff".encode()), name
        by_semicolon = next(csv.reader([header], delimiter=";"))
        assert len(by_semicolon) > len(next(csv.reader([header], delimiter=","))), (name, header)


@pytest.mark.parametrize("path", ["report/", "report.zip"])
def test_participants_and_strangers_are_sent_to_log_in(seminar, phone_client, path):
    for client in (phone_client, Client()):
        response = client.get(f"/s/{seminar.slug}/{path}")
        assert (response.status_code, response["Location"].split("?")[0]) == (302, "/login/")


def test_facilitator_navigation_links_the_report(seminar, facilitator_client):
    html = facilitator_client.get(
        f"/s/{seminar.slug}/people/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert f'<li><a href="/s/{seminar.slug}/report/">Report</a></li>' in html


def test_empty_seminar_gives_a_report_with_its_agenda_and_empty_csvs(seminar, facilitator_client):
    html = facilitator_client.get(
        f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    files = unzip(
        facilitator_client.get(f"/s/{seminar.slug}/report.zip", HTTP_ACCEPT_LANGUAGE="en").content
    )

    assert "Hidden by a facilitator" not in html
    assert "<h2>Agenda</h2>" in html
    assert files["questions"] == []
    assert len(files["agenda"]) == 5
