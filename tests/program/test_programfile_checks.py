"""The program file is strict: order of days and times, returns_at, sizes, lengths and 1 MB, each
with its line."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from program.programfile import ProgramFileError, parse
from tests.program.test_programfile import GOOD

# The program file's rules, read in their English messages.
pytestmark = pytest.mark.usefixtures("english")

SECOND_DAY = '\n[[days]]\ndate = "2026-03-04"\ntitle = "Onsdag"\n'


def problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(ProgramFileError) as error:
        parse(text)
    return error.value.problems


def test_a_day_before_the_day_above_names_its_date_line():
    assert problems(GOOD + SECOND_DAY) == [
        (28, "the day 2026-03-04 comes after 2026-03-05 (line 10); put the days in date order")
    ]


def test_an_item_starting_before_the_item_above_names_both_lines():
    assert problems(GOOD.replace('start = "08:15"', 'start = "07:45"')) == [
        (
            21,
            "start 07:45 is before the start of the item above (08:00, line 15); "
            "put the items in time order",
        )
    ]


def test_a_return_before_the_start_names_the_returns_at_line():
    offsite = GOOD.replace('kind = "break"', 'kind = "offsite"\nreturns_at = "07:30"')

    assert problems(offsite) == [(19, "returns_at 07:30 is not after the item's start 08:00")]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("group_size = 6", (8, "group_size must be at most 1000")),
        ("group_size = 6\nnum_groups = 4", (9, "give group_size or num_groups, not both")),
        (
            'kind = "department"\nsplit_above = 6\nmin_size = 8',
            (10, "min_size 8 is larger than split_above 6"),
        ),
        (
            "group_size = 6\nmin_size = 2",
            (9, 'min_size is for department groupings (kind = "department")'),
        ),
        (
            'kind = "department"\ngroup_size = 6',
            (
                9,
                "group_size is for mixed groupings: a department grouping has one "
                "group per department (split_above splits larger ones, min_size "
                "merges smaller ones)",
            ),
        ),
        ("group_size = 0", (8, "group_size must be a whole number above 0")),
    ],
)
def test_group_sizes_are_checked(change, expected):
    text = GOOD.replace(
        "group_size = 6", change if "1000" not in expected[1] else "group_size = 1001"
    )

    assert problems(text) == [expected]


def test_a_title_longer_than_its_column_names_its_line():
    assert problems(GOOD.replace('title = "Kaffe"', f'title = "{"K" * 201}"')) == [
        (17, "title is 201 characters long; at most 200")
    ]


def test_a_file_over_1_mb_is_refused_naming_the_line_that_crosses_the_limit():
    padding = "".join(f"# {'x' * 97}\n" for _ in range(10_100))  # 100 bytes a line

    found = problems(GOOD + padding)

    assert (
        len(found) == 1
        and found[0][0] == GOOD.count("\n") + 1 + (1_000_000 - len(GOOD.encode())) // 100
    )
    assert "a program file may be at most 1,000,000 bytes (1 MB)" in found[0][1]


def test_the_command_refuses_a_huge_file_without_reading_it(db, tmp_path):
    path = tmp_path / "huge.toml"
    with path.open("wb") as file:
        file.truncate(5_000_000)

    with pytest.raises(
        CommandError, match=r"huge.toml: the file is 5,000,000 bytes; a program file may be at most"
    ):
        call_command("import_program", str(path))


def test_headers_and_keys_inside_multi_line_texts_are_not_taken_for_lines():
    text = GOOD.replace(
        'title = "Kaffe"', "title = \"Kaffe\"\ntext = '''\n[[days.items]]\nkind = x\n'''"
    )

    found = problems(text.replace('kind = "table_talk"', 'kind = "juggling"'))

    assert [line for line, _ in found] == [28]
