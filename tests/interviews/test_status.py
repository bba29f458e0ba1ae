import csv
import io

import pytest
from django.utils import translation

from program import homework
from tests import factories
from tests.interviews.conftest import save


@pytest.fixture(autouse=True)
def english():
    """These tests read messages in English (the source language)."""
    with translation.override("en"):
        yield


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_interview_is_a_registered_homework_task():
    task = homework.get("interview")

    assert (str(task.label), task.url_name) == ("Citizen interview", "interviews:interview")


def test_facilitators_see_who_has_handed_in(facilitator_client, seminar, participant, afternoon):
    late = factories.participant(seminar, name="Sen Svend")
    save(participant)

    html = facilitator_client.get(
        f"/s/{seminar.slug}/run/homework/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "Citizen interview: 1 of 2" in html
    done = html.split(f'id="homework-row-{participant.pk}"', 1)[1].split("</tr>", 1)[0]
    missing = html.split(f'id="homework-row-{late.pk}"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="homework-interview"><span class="status-present">yes</span>' in done
    assert '<td class="homework-interview"><span class="status-absent">no</span>' in missing


def test_participants_cannot_see_the_overview_or_the_list(phone_client, seminar):
    assert phone_client.get(f"/s/{seminar.slug}/run/homework/").status_code == 302
    assert phone_client.get(f"/s/{seminar.slug}/run/homework/reminders.csv").status_code == 302


def test_the_reminder_list_holds_those_missing_with_their_personal_links(
    facilitator_client, seminar, participant, settings, afternoon
):
    settings.BASE_URL = "https://seminar.example"
    late = factories.participant(seminar, name='=HYPERLINK("http://evil")', email="sen@example.dk")
    save(participant)

    response = facilitator_client.get(
        f"/s/{seminar.slug}/run/homework/reminders.csv?task=interview", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="{seminar.slug}-interview-missing.csv"'
    )
    assert rows(response) == [
        ["name", "department", "email", "missing", "personal_link"],
        [
            '\'=HYPERLINK("http://evil")',
            "Teknik og Miljø",
            "sen@example.dk",
            "Citizen interview",
            f"https://seminar.example/p/{late.token}/",
        ],
    ]
