"""The own co-creation case is a homework task beside the citizen interview."""

import pytest
from django.utils import translation

from program import homework
from tests.goals.test_cases import phone_of, save_case


@pytest.fixture(autouse=True)
def english():
    """These tests read messages in English (the source language)."""
    with translation.override("en"):
        yield


def test_the_case_is_a_registered_homework_task():
    task = homework.get("case")

    assert (str(task.label), task.url_name) == ("Your own co-creation case", "goals:case")
    assert [t.key for t in homework.registered()] == ["interview", "case"]


def test_phone_homework_hub_links_to_the_case_and_overview_counts_it(room, facilitator_client):
    save_case(room.anna)

    hub = (
        phone_of(room.anna)
        .get(f"/s/{room.seminar.slug}/homework/", HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )
    overview = facilitator_client.get(
        f"/s/{room.seminar.slug}/run/homework/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert (
        f'href="/s/{room.seminar.slug}/goals/case/"' in hub and "Your own co-creation case" in hub
    )
    assert "Your own co-creation case: 1 of" in overview
