import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from program import activities
from program.models import AgendaItem, Day
from program.programfile import ProgramFileError, export_program, import_program, parse
from seminar.models import Seminar
from tests.conftest import REFERENCE_PROGRAM


@pytest.fixture(autouse=True)
def english():
    """The parser's rules, read in its English messages (tests/program/test_programfile_language.py
    has them in Danish, on the pages that show them)."""
    with translation.override("en"):
        yield


GOOD = """
[seminar]
slug = "mini"
title = "Mini"

[[groupings]]
name = "Borde"
group_size = 6

[[days]]
date = "2026-03-05"
title = "Torsdag"

[[days.items]]
start = "08:00"
minutes = 15
title = "Kaffe"
kind = "break"

[[days.items]]
start = "08:15"
minutes = 30
title = "Borde"
kind = "table_talk"
grouping = "Borde"
"""


def test_reference_seminar_has_every_block_of_both_days(reference_seminar):
    days = list(reference_seminar.days.order_by("date"))
    thursday = [(i.start.strftime("%H:%M"), i.title) for i in days[0].items.order_by("position")]
    friday = [(i.start.strftime("%H:%M"), i.title) for i in days[1].items.order_by("position")]

    assert [d.date for d in days] == [dt.date(2014, 10, 30), dt.date(2014, 10, 31)]
    assert len(thursday) == 20 and len(friday) == 6
    assert thursday[0] == ("08:00", "Kaffe")
    assert ("09:00", "Hvad tænker I?") in thursday
    assert ("16:30", "Fælles mål med samskabelse i Varde Kommune") in thursday
    assert thursday[-4:] == [
        ("17:30", "Mål for samskabelse i 2017"),
        ("18:00", "Tak for i dag"),
        ("19:00", "Aftensmad"),
        ("20:30", "Aftensarrangement: en overraskelse"),
    ]
    assert friday[-1] == ("12:00", "Slut")


def test_reference_seminar_wires_kinds_groupings_and_the_secret(reference_seminar):
    items = {item.title: item for item in AgendaItem.objects.for_seminar(reference_seminar)}

    assert all(activities.is_registered(item.kind) for item in items.values())
    assert items["Hvad tænker I?"].grouping.name == "Borde"
    assert (
        items["Op på ølkassen – sådan ser visionen ud i mine hænder"].grouping.name
        == "Store grupper"
    )
    assert items["Fra helhed til egen enhed"].grouping.name == "Forvaltningsgrupper"
    walk = items["Samskabelse i Varde Kommune – gåtur"]
    assert walk.kind == "offsite" and walk.place and walk.returns_at == dt.time(15, 15)
    assert items["Aftensarrangement: en overraskelse"].is_hidden
    assert "Kenneth og Manon" in items["Velkommen"].notes


def test_exported_program_imports_back_unchanged(reference_seminar):
    exported = export_program(reference_seminar)
    Seminar.objects.all().delete()

    again = import_program(text=exported)

    assert export_program(again) == exported
    assert exported.count("[[days.items]]") == 26


def test_import_twice_needs_replace(db):
    import_program(text=GOOD)

    with pytest.raises(ProgramFileError, match="exists"):
        import_program(text=GOOD)
    import_program(text=GOOD.replace('title = "Kaffe"', 'title = "Morgenkaffe"'), replace=True)

    assert list(AgendaItem.objects.values_list("title", flat=True).order_by("position")) == [
        "Morgenkaffe",
        "Borde",
    ]


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (('start = "08:15"', 'start = "8 15"'), 21, "start must be a time"),
        (('kind = "table_talk"', 'kind = "juggling"'), 24, "unknown kind 'juggling'"),
        (('grouping = "Borde"', 'grouping = "Tables"'), 25, "no grouping named 'Tables'"),
        (('date = "2026-03-05"', 'date = "5/3"'), 11, "date must look like"),
        (("minutes = 30", 'minutes = "half an hour"'), 22, "minutes must be a whole number"),
        (('title = "Kaffe"', 'titel = "Kaffe"'), 17, "unknown field 'titel'"),
        (('title = "Mini"', 'title = "Mini'), 4, "not valid TOML"),
    ],
)
def test_bad_file_gets_line_numbered_errors_and_changes_nothing(db, change, line, message):
    with pytest.raises(ProgramFileError) as error:
        import_program(text=GOOD.replace(*change))

    assert any(
        found_line == line and message in text for found_line, text in error.value.problems
    ), error.value
    assert not Seminar.objects.exists() and not Day.objects.exists()


def test_several_errors_are_all_reported_in_line_order(db):
    bad = GOOD.replace('start = "08:00"', 'start = "25:00"').replace(
        'kind = "break"', 'kind = "nap"'
    )

    with pytest.raises(ProgramFileError) as error:
        parse(bad)

    assert [line for line, _ in error.value.problems] == [15, 18]


def test_import_program_command_reports_file_and_line(db, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(GOOD.replace('kind = "break"', 'kind = "nap"'), encoding="utf-8")

    with pytest.raises(CommandError, match=r"bad.toml:18: unknown kind 'nap'"):
        call_command("import_program", str(path))


def test_import_and_export_commands_round_trip(db, tmp_path, capsys):
    call_command("import_program", str(REFERENCE_PROGRAM))
    assert "2 days, 26 items" in capsys.readouterr().out
    call_command("export_program", "varde-2014")
    exported = capsys.readouterr().out

    assert exported.startswith('[seminar]\nslug = "varde-2014"')
    assert "secret = true" in exported


def test_a_seminar_colour_is_read_checked_and_written_back(db):
    with_colour = GOOD.replace('title = "Mini"', 'title = "Mini"\ncolour = "#1F6f4a"')
    seminar = import_program(text=with_colour)
    assert seminar.colour == "#1F6f4a"
    assert 'colour = "#1F6f4a"' in export_program(seminar)

    with pytest.raises(ProgramFileError) as error:
        import_program(
            text=GOOD.replace('title = "Mini"', 'title = "Mini"\ncolour = "red; }"'), replace=True
        )
    assert any(line == 5 and "colour must be" in text for line, text in error.value.problems), (
        error.value
    )


def test_the_seminar_colour_is_a_stylesheet_every_page_links(db, client):
    seminar = import_program(
        text=GOOD.replace('title = "Mini"', 'title = "Mini"\ncolour = "#1f6f4a"')
    )
    answer = client.get(f"/s/{seminar.slug}/theme.css")
    assert answer["Content-Type"].startswith("text/css")
    assert answer.content.decode() == ":root { --brand: #1f6f4a; }\n"
    join_page = client.get(f"/s/{seminar.slug}/join/").content.decode()
    assert f'href="/s/{seminar.slug}/theme.css?c=1f6f4a"' in join_page

    seminar.colour = ""
    seminar.save()
    assert client.get(f"/s/{seminar.slug}/theme.css").status_code == 404
