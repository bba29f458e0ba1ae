"""The goals' year is the seminar's own (its program file's goal_year); without one the wording is
neutral."""

import uuid

from goals.shared_goals import services
from tests.goals.conftest import go, phone_of


def screens(room, facilitator_client, language):
    go(room.seminar, room.writing)
    panel = (
        phone_of(room.anna)
        .get(f"/s/{room.seminar.slug}/panel/{room.writing.pk}/", HTTP_ACCEPT_LANGUAGE=language)
        .content.decode()
    )
    go(room.seminar, room.plenum)
    plenum = (
        phone_of(room.bo)
        .get(f"/s/{room.seminar.slug}/", HTTP_ACCEPT_LANGUAGE=language)
        .content.decode()
    )
    return panel, plenum


def write_goal(room):
    services.save_goal(
        item=room.writing,
        author=room.anna,
        version=0,
        key=uuid.uuid4(),
        what="Flere lærlinge",
        why="",
        how_we_know="",
    )


def test_a_seminar_with_a_goal_year_names_it_in_both_languages(room, facilitator_client):
    room.seminar.goal_year = "2027"
    room.seminar.save()
    write_goal(room)

    panel_da, plenum_da = screens(room, facilitator_client, "da")
    panel_en, plenum_en = screens(room, facilitator_client, "en")

    assert "Hvad skal vi lykkes med i 2027?" in panel_da and "Vores mål for 2027" in plenum_da
    assert "What must we succeed with in 2027?" in panel_en and "Our goals for 2027" in plenum_en
    assert "Det skal vi lykkes med i 2027" in plenum_da


def test_without_a_goal_year_no_year_is_shown(room, facilitator_client):
    write_goal(room)

    panel, plenum = screens(room, facilitator_client, "da")

    assert "Hvad skal vi lykkes med?" in panel and "Vores mål" in plenum
    assert "2017" not in panel + plenum and "Det skal vi lykkes med</dt>" in plenum
