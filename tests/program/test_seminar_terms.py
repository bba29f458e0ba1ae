"""A seminar's own words and homework come from its program file; none comes from another
seminar."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from program import homework
from program.programfile import ProgramFileError, export_program, import_program, parse
from tests.program.test_programfile import GOOD


def with_head(*lines: str) -> str:
    return GOOD.replace('title = "Mini"\n', 'title = "Mini"\n' + "\n".join(lines) + "\n", 1)


@pytest.mark.django_db
def test_goal_year_and_homework_are_read_stored_and_exported():
    seminar = import_program(text=with_head('goal_year = "2027"', 'homework = ["case"]'))

    assert (seminar.goal_year, seminar.homework) == ("2027", ["case"])
    assert [task.key for task in homework.tasks(seminar)] == ["case"]
    assert 'goal_year = "2027"' in export_program(
        seminar
    ) and 'homework = ["case"]' in export_program(seminar)


@pytest.mark.django_db
def test_without_a_homework_list_a_seminar_asks_only_for_what_its_items_use():
    plain = import_program(text=GOOD)
    with_interviews = import_program(
        text=GOOD.replace('"mini"', '"mini-2"').replace(
            'kind = "table_talk"', 'kind = "interview_tables"'
        )
    )

    assert (plain.goal_year, homework.tasks(plain)) == ("", [])
    assert [task.key for task in homework.tasks(with_interviews)] == ["interview"]


def test_unknown_homework_and_a_wrong_year_are_refused_with_their_line(english):
    with pytest.raises(ProgramFileError) as error:
        parse(with_head("goal_year = [2027]", 'homework = ["interview", "essay"]'))

    assert [line for line, _ in error.value.problems] == [5, 6]
    assert "goal_year must be a short text" in str(error.value)
    assert "unknown homework 'essay' (known: interview, case)" in str(error.value)


@pytest.mark.django_db
def test_a_seminar_without_homework_shows_an_empty_hub_and_overview(facilitator_client):
    seminar = import_program(text=GOOD)
    from tests import factories

    person = factories.participant(seminar, "Ida Hansen")
    phone = facilitator_client.__class__()
    phone.get(f"/p/{person.token}/")

    hub = phone.get(f"/s/{seminar.slug}/homework/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    overview = facilitator_client.get(f"/s/{seminar.slug}/run/homework/", HTTP_ACCEPT_LANGUAGE="en")

    assert "interview" not in hub.lower() and "co-creation" not in hub.lower()
    assert overview.status_code == 200 and "Citizen interview" not in overview.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_speech_parts_rename_keeps_every_draft():
    executor = MigrationExecutor(connection)
    old = [("program", "0005_vernissage_timer"), ("seminar", "0002_access_versions")]
    executor.migrate(old)
    apps = executor.loader.project_state(old).apps
    seminar = apps.get_model("seminar", "Seminar").objects.create(slug="old", title="Old")
    day = apps.get_model("program", "Day").objects.create(
        seminar=seminar, date="2026-01-01", title="D"
    )
    item = apps.get_model("program", "AgendaItem").objects.create(
        day=day, position=0, title="Tale", kind="soapbox"
    )
    department = apps.get_model("seminar", "Department").objects.create(seminar=seminar, name="A")
    author = apps.get_model("seminar", "Participant").objects.create(
        seminar=seminar, name="P", department=department
    )
    apps.get_model("program", "SpeechDraft").objects.create(
        item=item, author=author, vision="Budskab", why="Grund", bring_to_life="Skridt"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from program.models import SpeechDraft

    draft = SpeechDraft.objects.get()
    assert (draft.message, draft.reason, draft.actions) == ("Budskab", "Grund", "Skridt")
