import io

import openpyxl
from django.test import Client

HEADER = "name,department,title,email,role\n"


def post_file(client, seminar, name: str, data: bytes):
    handle = io.BytesIO(data)
    handle.name = name
    return client.post(
        f"/s/{seminar.slug}/people/import/", {"file": handle}, HTTP_ACCEPT_LANGUAGE="en"
    )


def test_roster_upload_previews_then_saves_on_confirm(facilitator_client, seminar):
    response = post_file(
        facilitator_client,
        seminar,
        "roster.csv",
        (
            HEADER + "Anne Holm,Kultur,Leder,anne@example.com,\nBo Dam,Teknik,,,process_leader\n"
        ).encode(),
    )

    assert "Preview: 2 participants" in response.content.decode()
    assert not seminar.participants.exists()
    facilitator_client.post(f"/s/{seminar.slug}/people/import/", {"confirm": "1"})
    assert sorted(seminar.participants.values_list("name", flat=True)) == ["Anne Holm", "Bo Dam"]


def test_xlsx_roster_with_a_bad_row_saves_nothing(facilitator_client, seminar):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["name", "department", "title", "email", "role"])
    sheet.append(["Anne Holm", "Kultur", "", "anne@example.com", ""])
    sheet.append(["Bo Dam", "", "", "", ""])
    data = io.BytesIO()
    workbook.save(data)

    response = post_file(facilitator_client, seminar, "roster.xlsx", data.getvalue())

    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was saved" in html and "Row 3" in html and "column department is empty" in html
    assert not seminar.participants.exists()


def test_check_in_marks_absent_and_present(facilitator_client, seminar, participant):
    response = facilitator_client.post(
        f"/s/{seminar.slug}/people/{participant.pk}/presence/",
        {"present": "0"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    participant.refresh_from_db()
    assert not participant.present
    assert (
        response.content.decode()
        .lstrip()
        .startswith(f'<tr id="person-{participant.pk}" class="is-absent">')
    )


def test_join_cards_carry_name_department_qr_and_code(facilitator_client, seminar, participant):
    html = facilitator_client.get(f"/s/{seminar.slug}/people/cards/").content.decode()

    assert participant.name in html and participant.department.name in html
    assert participant.code in html and "<svg" in html
    # The drawing scales with the card's CSS box only with a viewBox and no fixed size.
    assert '<svg viewBox="0 0 ' in html and "<svg width=" not in html


def test_people_pages_are_for_facilitators_only(phone_client, seminar, participant):
    for url in (
        "people/",
        "people/import/",
        "people/cards/",
        f"people/{participant.pk}/access/",
        "projector-link/",
    ):
        assert phone_client.get(f"/s/{seminar.slug}/{url}").status_code == 302
    assert (
        Client()
        .post(f"/s/{seminar.slug}/people/{participant.pk}/presence/", {"present": "0"})
        .status_code
        == 302
    )


def test_people_page_leads_to_each_persons_link_and_code(facilitator_client, seminar, participant):
    people = facilitator_client.get(f"/s/{seminar.slug}/people/").content.decode()
    access_url = f"/s/{seminar.slug}/people/{participant.pk}/access/"

    page = facilitator_client.get(access_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f'href="{access_url}"' in people
    assert f'href="/s/{seminar.slug}/projector-link/"' in people
    assert f"Link and code for {participant.name}" in page
    assert f"/p/{participant.token}/" in page and participant.code in page and "<svg" in page


def test_projector_link_panel_shows_the_display_link(facilitator_client, seminar):
    page = facilitator_client.get(f"/s/{seminar.slug}/projector-link/").content.decode()

    assert f"/s/{seminar.slug}/display/{seminar.display_token}/" in page and "<svg" in page
    assert f'action="/s/{seminar.slug}/projector-link/renew/"' in page
