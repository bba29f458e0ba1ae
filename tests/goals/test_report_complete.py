"""The complete report: cases with their content and people, every pick, the closing block's
messages without names, homework; the same tables as an Excel workbook and as a PDF."""

import io
import uuid

from openpyxl import load_workbook
from pypdf import PdfReader

from goals.cases import services as cases
from tests.goals.test_report import PRIVATE, csv_files, page
from tests.reports import unzip_rows


def add_second_pick(room):
    cases.save_case(
        author=room.cai,
        version=0,
        key=uuid.uuid4(),
        title="Cykelsti ved skolen",
        what_happened="Forældre og elever tegnede ruten",
        partners=["citizens", "associations"],
        partners_other="Vejafdelingen",
        achieved="En tryg skolevej",
        themes="",
    )
    cases.pick_case(item=room.cases, group=room.big[1], case=room.cai.cocreation_case)


def test_cases_come_with_what_happened_who_took_part_and_the_result(
    produced, room, facilitator_client
):
    add_second_pick(room)
    html = page(facilitator_client, room.seminar)
    files = csv_files(facilitator_client, room.seminar)

    row = next(row for row in files["cases"] if row["title"] == "Cykelsti ved skolen")
    assert (row["what_happened"], row["partners"], row["achieved"]) == (
        "Forældre og elever tegnede ruten",
        "Citizens, Associations, Vejafdelingen",
        "En tryg skolevej",
    )
    assert (
        "Forældre og elever tegnede ruten" in html
        and "Citizens, Associations, Vejafdelingen" in html
    )


def test_every_big_groups_pick_is_there_analysed_or_not(produced, room, facilitator_client):
    add_second_pick(room)
    files = csv_files(facilitator_client, room.seminar)
    html = page(facilitator_client, room.seminar)

    assert [(row["group"], row["case"], row["analysed"]) for row in files["case_picks"]] == [
        ("Gruppe 1", "Ungeråd", "yes"),
        ("Gruppe 2", "Cykelsti ved skolen", ""),
    ]
    assert "Cykelsti ved skolen" in html and "not analysed in plenum" in html


def test_closing_messages_are_counted_by_audience_without_names(produced, room, facilitator_client):
    html = page(facilitator_client, room.seminar)
    files = csv_files(facilitator_client, room.seminar)

    closing = html.split("Messages from the closing block (without names)</h4>", 1)[1].split(
        "</section>", 1
    )[0]
    assert "CLOSING-MESSAGE-MARK" in closing and "Teamet: 1" in closing
    assert room.anna.name not in closing
    assert files["closing_messages"] == [{"audience": "Teamet", "message": "CLOSING-MESSAGE-MARK"}]
    assert [marker for marker in PRIVATE if marker in html] == []


def test_homework_completion_is_counted(produced, room, facilitator_client):
    files = csv_files(facilitator_client, room.seminar)

    cases_task = next(
        row for row in files["homework"] if row["task"] == "Your own co-creation case"
    )
    assert (cases_task["handed_in"], cases_task["participants"]) == ("2", "4")


def workbook(client, seminar, language):
    response = client.get(f"/s/{seminar.slug}/report.xlsx", HTTP_ACCEPT_LANGUAGE=language)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def test_the_workbook_has_a_sheet_per_activity_in_the_readers_language(
    produced, room, facilitator_client
):
    english = workbook(facilitator_client, room.seminar, "en")
    danish = workbook(facilitator_client, room.seminar, "da")

    assert "Co-creation cases" in english.sheetnames and "Case analyses" in english.sheetnames
    assert [cell.value for cell in english["Case analyses"][1]][-3:] == [
        "What went well",
        "What could be better",
        "How",
    ]
    assert len(danish.sheetnames) == len(english.sheetnames)
    assert "Dato" in [cell.value for cell in danish[danish.sheetnames[1]][1]]


def test_the_workbook_is_formula_safe_and_holds_nothing_private(produced, room, facilitator_client):
    book = workbook(facilitator_client, room.seminar, "en")
    cells = [
        cell
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]

    themes = next(cell for cell in cells if str(cell.value).endswith("=ungdom"))
    assert (themes.value, themes.data_type) == ("'=ungdom", "s")
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert [marker for marker in PRIVATE if any(marker in str(cell.value) for cell in cells)] == []


def test_the_pdf_comes_in_one_click_with_the_reports_text(produced, room, facilitator_client):
    response = facilitator_client.get(
        f"/s/{room.seminar.slug}/report.pdf", HTTP_ACCEPT_LANGUAGE="en"
    )
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)

    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == f'attachment; filename="{room.seminar.slug}-report.pdf"'
    )
    for expected in (
        "Frivillige i Ølgod",
        "Mødet med rådet",
        "Flere frivillige",
        "Tak for to gode dage",
        "What could be better",
    ):
        assert expected in text
    assert [marker for marker in PRIVATE if marker in text] == []


def test_participants_cannot_download_the_workbook_or_the_pdf(room, phone_client):
    for path in ("report.xlsx", "report.pdf"):
        assert phone_client.get(f"/s/{room.seminar.slug}/{path}").status_code == 302


def cut(client, seminar, **query):
    params = "&".join(f"{key}={value}" for key, value in query.items())
    html = client.get(
        f"/s/{seminar.slug}/report/?{params}", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    content = client.get(
        f"/s/{seminar.slug}/report.zip?{params}", HTTP_ACCEPT_LANGUAGE="en"
    ).content
    return html, unzip_rows(content)


def test_a_department_gets_its_peoples_output_its_plans_and_the_goals_it_worked_on(
    produced, room, facilitator_client
):
    economy = room.seminar.departments.get(name=room.anna.department.name)
    culture = room.bo.department

    html, files = cut(facilitator_client, room.seminar, department=economy.pk)
    other_html, other = cut(facilitator_client, room.seminar, department=culture.pk)

    assert f"Only the part of: {economy.name}" in html
    assert [row["title"] for row in files["cases"]] == ["Frivillige i Ølgod"]
    assert [row["requires"] for row in files["department_plans"]] == ["Mere tid til foreninger"]
    assert [row["monday"] for row in files["monday"]] == ["Ring til formanden", "HIDDEN-MONDAY"]
    assert [row["title"] for row in other["cases"]] == ["Ungeråd"]
    assert other["department_plans"] == [] and other["monday"] == []
    assert [row["what"] for row in other["goals"]] == ["Flere frivillige"]  # Bo shook hands on it
    assert "Frivillige i Ølgod" not in other_html and "Mere tid til foreninger" not in other_html
    assert {"field": "part", "value": culture.name} in other["seminar"]


def test_a_big_group_gets_its_members_and_its_own_work(produced, room, facilitator_client):
    html, files = cut(facilitator_client, room.seminar, group=room.big[1].pk)

    assert [row["what"] for row in files["goals"]] == ["Flere frivillige", "HIDDEN-GOAL"]
    assert files["cases"] == [] and files["case_analyses"] == [] and files["poster_notes"] == []
    assert "Ungeråd" not in html and "Tillid først" not in html


def test_a_cut_of_another_seminar_is_not_found(produced, room, facilitator_client):
    from tests import factories

    elsewhere = factories.department(factories.seminar(), "Andet sted")

    response = facilitator_client.get(
        f"/s/{room.seminar.slug}/report.xlsx?department={elsewhere.pk}"
    )

    assert response.status_code == 404
