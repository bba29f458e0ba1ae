"""What an activity kind in an app of its own brings without a line in a shared file: its
views, its fields in the program file, its report's column headers, and what erasure does
with its rows."""

import importlib

import pytest
from django.urls import reverse
from django.utils import translation

from program import activities, kind_urls, report_columns
from program.programfile import ProgramFileError, export_program, import_program, parse
from seminar import rights
from tests.program.test_programfile import GOOD

# The program file's rules, read in their English messages.
pytestmark = pytest.mark.usefixtures("english")


class ColourKind(activities.ActivityKind):
    urls = "tests.program.example_kind_urls"
    setting_names = ("colours", "colours_en")

    def read_settings(self, fields, line_of, problems) -> dict:
        colours = fields.get("colours")
        if not isinstance(colours, list) or not colours:
            problems.append((line_of("colours"), "a colour vote needs colours"))
            return {}
        return {name: value for name, value in fields.items()}


@pytest.fixture
def colour_kind():
    kind = activities.register(ColourKind("colour_vote", "Colour vote", interactive=True))
    importlib.reload(kind_urls)
    yield kind
    activities._REGISTRY.pop(kind.key)
    importlib.reload(kind_urls)


def program(item: str) -> str:
    return GOOD + '\n[[days.items]]\nstart = "09:00"\ntitle = "Farver"\n' + item


def test_a_kinds_urls_are_included_under_its_namespace(colour_kind):
    assert reverse("example:echo", args=[7], urlconf=kind_urls) == "/example/7/"


def test_a_kind_reads_its_own_fields_and_export_writes_them_back(colour_kind, db):
    text = program('kind = "colour_vote"\ncolours = ["rød", "blå"]\ncolours_en = ["red", ""]\n')

    seminar = import_program(text=text)
    item = seminar.days.get().items.get(title="Farver")
    exported = export_program(seminar)

    assert item.settings == {"colours": ["rød", "blå"], "colours_en": ["red", ""]}
    assert 'colours = ["rød", "blå"]\ncolours_en = ["red", ""]' in exported
    assert parse(exported).days[0].items[-1].settings == item.settings


def test_a_kinds_problems_and_another_kinds_fields_name_their_line(colour_kind):
    with pytest.raises(ProgramFileError) as missing:
        parse(program('kind = "colour_vote"\n'))
    with pytest.raises(ProgramFileError) as elsewhere:
        parse(program('kind = "talk"\ncolours = ["rød"]\n'))

    assert str(missing.value).endswith("a colour vote needs colours")
    assert str(elsewhere.value) == "line 31: colours is a setting of kind colour_vote, not 'talk'"


def test_a_sections_own_headers_come_before_the_shared_ones():
    with translation.override("en"):
        assert report_columns.labels(["option", "votes"], {"option": "Option"}) == [
            "Option",
            "Votes",
        ]


def test_an_app_registers_what_erasure_does_with_its_rows():
    key = ("example.Row", "person")
    try:
        rights.register_policy(*key, rights.KEEP)
        rights.register_policy(*key, rights.KEEP)  # again, the same: harmless

        assert rights.POLICY[key] == rights.KEEP
        with pytest.raises(ValueError):
            rights.register_policy(*key, rights.DELETE)
    finally:
        rights.POLICY.pop(key, None)


@pytest.mark.django_db
def test_a_persons_region_pushed_without_a_target_resyncs_every_listening_phone(
    seminar, monkeypatch
):
    from program.questions import regions as question_regions
    from seminar import live
    from seminar.live import publishing, regions

    heard = {"participant-da": True, "participant-en": False}
    monkeypatch.setattr(
        publishing, "listening", lambda _, names: [heard.get(name, False) for name in names]
    )
    item = seminar.days.first().items.first()

    frames = list(regions.frames(seminar.pk, item, [question_regions.MARKS]))

    assert frames == [("participant-da", live.RESYNC_OWN)]
