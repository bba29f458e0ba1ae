"""Re-importing a program keeps the room's work: items update in place by key, nothing is lost
silently."""

import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from goals.models import Commitment
from program.models import AgendaItem, Idea, Question, QuestionVote, SpeechDraft
from program.programfile import import_program
from tests import factories
from tests.conftest import REFERENCE_PROGRAM

SOLBY = (Path(__file__).parent.parent / "fixtures" / "solby-2026.toml").read_text(encoding="utf-8")


def a_day_of_work(seminar) -> dict[str, int]:
    """Questions, votes, ideas, speech drafts and commitments at several items, as a day leaves
    them."""
    items = {item.key: item for item in AgendaItem.objects.for_seminar(seminar)}
    people = [factories.participant(seminar, f"Leder {n}") for n in range(4)]
    for person in people:
        question = Question.objects.create(
            item=items["spoergsmaal"],
            author=person,
            text=f"Hvorfor {person.name}?",
            key=uuid.uuid4(),
        )
        QuestionVote.objects.create(question=question, voter=people[0])
        Idea.objects.create(
            item=items["ideer"], author=person, text=f"Idé fra {person.name}", key=uuid.uuid4()
        )
        SpeechDraft.objects.create(item=items["tale"], author=person, message="Mit budskab")
        Commitment.objects.create(
            seminar=seminar,
            item=items["hjem"],
            author=person,
            monday="Ring til HR",
            key=uuid.uuid4(),
        )
    return counts()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Question, QuestionVote, Idea, SpeechDraft, Commitment)
    }


def ids(seminar) -> dict[str, int]:
    return dict(AgendaItem.objects.for_seminar(seminar).values_list("key", "pk"))


@pytest.mark.django_db
def test_importing_the_same_file_again_keeps_every_item_and_contribution():
    seminar = import_program(text=SOLBY)
    before, items = a_day_of_work(seminar), ids(seminar)

    import_program(text=SOLBY, replace=True)

    assert (
        counts()
        == before
        == {"Question": 4, "QuestionVote": 4, "Idea": 4, "SpeechDraft": 4, "Commitment": 4}
    )
    assert ids(seminar) == items


@pytest.mark.django_db
def test_retitled_moved_and_retimed_items_keep_their_work():
    seminar = import_program(text=SOLBY)
    before, items = a_day_of_work(seminar), ids(seminar)
    reordered = SOLBY.replace(
        'title = "Idéer til rekruttering"', 'title = "Idéer til at rekruttere"'
    ).replace('start = "10:05"', 'start = "10:00"')
    import_program(text=reordered, replace=True)

    ideas = AgendaItem.objects.get(pk=items["ideer"])
    assert (ideas.title, ideas.start.strftime("%H:%M")) == ("Idéer til at rekruttere", "10:00")
    assert counts() == before and ids(seminar) == items


@pytest.mark.django_db
def test_removing_an_item_with_work_is_refused_with_what_would_be_lost(tmp_path, capsys):
    seminar = import_program(text=SOLBY)
    before, items = a_day_of_work(seminar), ids(seminar)
    without = SOLBY.replace('key = "spoergsmaal"', 'key = "spoergsmaal"\nREMOVE = 1').split("\n")
    start = without.index("REMOVE = 1") - 2
    path = tmp_path / "solby.toml"
    path.write_text("\n".join(without[:start] + without[start + 8 :]), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("import_program", str(path), "--replace")
    assert (
        "'Spørgsmål til direktionen' (key 'spoergsmaal', 2026-05-21): 4 question votes, 4 questions"
        in str(error.value)
    )
    assert counts() == before and ids(seminar) == items

    call_command("import_program", str(path), "--replace", "--force")
    out = capsys.readouterr().out
    assert (
        "Removed: 'Spørgsmål til direktionen' (key 'spoergsmaal', 2026-05-21): 4 question votes"
        in out
    )
    assert counts() == {**before, "Question": 0, "QuestionVote": 0} and "spoergsmaal" not in ids(
        seminar
    )


@pytest.mark.django_db
def test_an_item_nobody_worked_at_is_removed_and_named(tmp_path, capsys):
    import_program(text=SOLBY)
    path = tmp_path / "solby.toml"
    path.write_text(SOLBY.split('[[days.items]]\nkey = "middag"')[0], encoding="utf-8")

    call_command("import_program", str(path), "--replace")

    out = capsys.readouterr().out
    assert "11 items (0 new, 11 updated)" in out and "Removed: 'Middag: en overraskelse'" in out


@pytest.mark.django_db
def test_a_file_without_keys_matches_items_by_their_titles():
    text = REFERENCE_PROGRAM.read_text(encoding="utf-8")
    seminar = import_program(text=text)
    items = ids(seminar)

    import_program(text=text, replace=True)

    assert ids(seminar) == items and len(items) == 26 and "kaffe" in items and "pause-2" in items
