"""A poll in the program file: its question, 2-8 options, single or multiple choice, English
variants; every mistake is refused with a message that names its line."""

from pathlib import Path

import pytest

from program.programfile import ProgramFileError, export_program, import_program, parse

# The program file's rules, read in their English messages.
pytestmark = pytest.mark.usefixtures("english")

PROGRAM = Path(__file__).with_name("poll-program.toml").read_text(encoding="utf-8")
POLL = PROGRAM.split('kind = "poll"\n', 1)[1].split("\n\n", 1)[0]  # the poll's own fields


def with_fields(fields: str) -> str:
    return PROGRAM.replace(POLL, fields)


def problems_of(text: str) -> list[str]:
    with pytest.raises(ProgramFileError) as error:
        parse(text)
    return str(error.value).splitlines()


def line_of(text: str, start: str) -> int:
    return next(
        number for number, line in enumerate(text.splitlines(), start=1) if line.startswith(start)
    )


def test_a_poll_is_read_with_its_english_texts():
    item = parse(PROGRAM).days[0].items[1]

    assert item.kind == "poll"
    assert item.settings == {
        "question": "Hvad skal vi tage fat på først?",
        "question_en": "What shall we take on first?",
        "options": ["Rekruttering", "Trivsel", "Digitalisering"],
        "options_en": ["Recruitment", "Well-being", ""],
        "choice": "multiple",
    }


def test_a_poll_without_a_choice_is_single_choice():
    text = with_fields('question = "Ja eller nej?"\noptions = ["Ja", "Nej"]')

    assert parse(text).days[0].items[1].settings == {
        "question": "Ja eller nej?",
        "options": ["Ja", "Nej"],
        "choice": "single",
    }


def test_an_exported_poll_imports_back_unchanged(db):
    seminar = import_program(text=PROGRAM)
    exported = export_program(seminar)

    assert [item.settings for day in parse(exported).days for item in day.items] == [
        item.settings for day in parse(PROGRAM).days for item in day.items
    ]


@pytest.mark.parametrize(
    ("fields", "bad_line", "message"),
    [
        (
            'question = "Ja?"\noptions = ["Ja"]',
            "options",
            "a poll has 2 to 8 options; this one has 1",
        ),
        (
            'question = "Hvilken?"\noptions = ["1", "2", "3", "4", "5", "6", "7", "8", "9"]',
            "options",
            "a poll has 2 to 8 options; this one has 9",
        ),
        ('question = "Ja?"\noptions = ["Ja", "  "]', "options", "option 2 of options is empty"),
        (
            'question = "Ja?"\noptions = ["Ja", "ja"]',
            "options",
            "two options of options read the same",
        ),
        (
            'question = "Ja?"\noptions = "Ja, Nej"',
            "options",
            'options must be a list of texts, e.g. options = ["Ja", "Nej"]',
        ),
        (
            'question = "Ja?"\noptions = ["Ja", "Nej"]\nchoice = "some"',
            "choice",
            'choice must be "single" (one option) or "multiple" (one or more), not \'some\'',
        ),
        (
            'question = "Ja?"\noptions = ["Ja", "Nej"]\noptions_en = ["Yes"]',
            "options_en",
            'options_en has 1 texts for 2 options; give one for each ("" keeps the Danish)',
        ),
        (
            'options = ["Ja", "Nej"]',
            "[[days.items]]",
            'a poll needs its question: question = "..."',
        ),
        (
            'question = "Ja?"\noptions = ["Ja", "' + "x" * 121 + '"]',
            "options",
            "option 2 of options is 121 characters long; at most 120",
        ),
    ],
)
def test_a_bad_poll_is_refused_naming_its_line(fields, bad_line, message):
    text = with_fields(fields)
    line = (
        line_of(text, bad_line)
        if bad_line != "[[days.items]]"
        else [
            number
            for number, line in enumerate(text.splitlines(), start=1)
            if line == "[[days.items]]"
        ][1]
    )

    assert problems_of(text) == [f"line {line}: {message}"]


def test_poll_fields_on_another_kind_are_refused():
    text = PROGRAM.replace('kind = "poll"\n', 'kind = "talk"\n')

    problems = problems_of(text)

    assert (
        f"line {line_of(text, 'question =')}: question is a setting of kind poll, not 'talk'"
        in problems
    )
    assert len(problems) == 5
