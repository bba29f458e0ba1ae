"""The poll's results in the seminar report: the page, the ZIP of CSV files, the workbook and the
PDF; a department's report counts its own people's votes."""

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from program.poll import services
from tests import factories

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def voted(open_poll, seminar):
    other = factories.department(seminar, "Ældre og Sundhed")
    for option, department in ((0, None), (0, None), (1, other), (2, other)):
        services.vote(
            item=open_poll,
            voter=factories.participant(seminar, department=department),
            options=[option],
        )
    services.close_poll(item=open_poll)
    return other


def csv_rows(client, seminar, query: str = "") -> list[list[str]]:
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(f"/s/{seminar.slug}/report.zip{query}", **EN).content)
    )
    name = next(name for name in archive.namelist() if name.endswith("-poll.csv"))
    return list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")), delimiter=";"))


def test_the_report_page_shows_each_options_votes_and_share_under_the_poll(
    voted, open_poll, seminar, facilitator_client
):
    html = facilitator_client.get(f"/s/{seminar.slug}/report/", **EN).content.decode()

    part = html.split("Polls", 1)[1]
    assert "Hvad skal vi tage fat på først?" in part
    assert '<td>Rekruttering</td><td class="number">2</td><td class="number">50 %</td>' in part
    assert '<td>Digitalisering</td><td class="number">1</td><td class="number">25 %</td>' in part
    assert "4 people voted." in part


def test_the_reports_files_hold_the_same_results_with_their_own_headers(
    voted, seminar, facilitator_client
):
    rows = csv_rows(facilitator_client, seminar)
    book = load_workbook(
        io.BytesIO(facilitator_client.get(f"/s/{seminar.slug}/report.xlsx", **EN).content)
    )
    pdf = "\n".join(
        page.extract_text()
        for page in PdfReader(
            io.BytesIO(facilitator_client.get(f"/s/{seminar.slug}/report.pdf", **EN).content)
        ).pages
    )

    assert rows[0] == ["Date", "Item", "Question", "Option", "Votes", "Share", "People who voted"]
    assert [row[3:] for row in rows[1:]] == [
        ["Rekruttering", "2", "50 %", "4"],
        ["Trivsel", "1", "25 %", "4"],
        ["Digitalisering", "1", "25 %", "4"],
    ]
    assert [cell.value for cell in book["Polls"][2]][3:6] == ["Rekruttering", 2, "50 %"]
    assert "Option: Rekruttering" in pdf


def test_a_departments_report_counts_its_own_peoples_votes(voted, seminar, facilitator_client):
    rows = csv_rows(facilitator_client, seminar, f"?department={voted.pk}")

    assert [row[3:] for row in rows[1:]] == [
        ["Rekruttering", "0", "0 %", "2"],
        ["Trivsel", "1", "50 %", "2"],
        ["Digitalisering", "1", "50 %", "2"],
    ]


def test_a_poll_nobody_opened_is_left_out(poll, seminar, facilitator_client):
    assert csv_rows(facilitator_client, seminar)[1:] == []
