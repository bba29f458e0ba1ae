"""A soapbox's speakers, preparation minutes and phases are the item's own (program file):
by default 3, 15 and prepare, speeches, feedback, plan."""

import re

import pytest
from django.utils import translation

from program.programfile import ProgramFileError, export_program, import_program, parse
from program.soapbox import selectors, services
from tests.program.soapbox_room import make_room, version
from tests.program.test_programfile import GOOD
from tests.program.test_soapbox_views import EN, HX, phone, url

SOAPBOX = GOOD.replace(
    'kind = "table_talk"', 'kind = "soapbox"\nspeakers = 2\nprepare_minutes = 10'
)


# The program file's rules, read in their English messages.
pytestmark = pytest.mark.usefixtures("english")


def test_a_room_with_its_own_settings_draws_its_number_and_counts_its_minutes(seminar):
    room = make_room(seminar, members=5)
    room.item.settings = {"speakers": 2, "prepare_minutes": 10}
    room.item.save()
    table = room.tables[0]

    state = selectors.group_state(room.item, table.group)
    draw = services.choose_speakers(
        item=room.item, group=table.group, version=state.version, volunteers=[], seed=3
    )
    html = phone(table.members[0]).get(url(room, "slot/volunteer/"), **HX).content.decode()

    assert state.timer_remaining == 10 * 60
    assert draw.speakers.count() == 2
    assert "2 of you give their speech to the group." in html


def test_without_settings_three_speak_after_fifteen_minutes(seminar):
    room = make_room(seminar, members=5)
    table = room.tables[0]

    draw = services.choose_speakers(
        item=room.item, group=table.group, version=1, volunteers=[], seed=3
    )

    assert selectors.initial_state(room.item, table.group).timer_remaining == 15 * 60
    assert draw.speakers.count() == 3


@pytest.mark.django_db
def test_the_settings_are_read_stored_and_exported():
    seminar = import_program(text=SOAPBOX)
    item = seminar.days.get().items.get(kind="soapbox")

    assert item.settings == {"speakers": 2, "prepare_minutes": 10}
    assert "speakers = 2\nprepare_minutes = 10" in export_program(seminar)


def test_a_setting_on_another_kind_or_out_of_range_names_its_line():
    wrong_kind = GOOD.replace('kind = "break"', 'kind = "break"\nspeakers = 2')
    too_many = SOAPBOX.replace("speakers = 2", "speakers = 0")

    with pytest.raises(ProgramFileError) as kind_error:
        parse(wrong_kind)
    with pytest.raises(ProgramFileError) as range_error:
        parse(too_many)

    assert str(kind_error.value) == "line 19: speakers is a setting of kind soapbox, not 'break'"
    assert str(range_error.value) == "line 25: speakers must be a whole number from 1 to 20"


def test_an_item_with_its_own_phases_runs_them_in_its_order(seminar, facilitator_client):
    room = make_room(seminar)
    room.item.settings = {"phases": ["speeches", "feedback"]}
    room.item.save()
    table, slug = room.tables[0], seminar.slug

    first = phone(table.members[0]).get(f"/s/{slug}/", **EN).content.decode()
    leader = phone(table.leader).get(f"/s/{slug}/", **EN).content.decode()
    tablet = facilitator_client.get(f"/s/{slug}/run/", **EN).content.decode()
    all_url = f"/s/{slug}/run/soapbox/{room.item.pk}/all/"
    to_plan = facilitator_client.post(all_url, {"phase": "plan"}, **HX)
    services.move_phase(
        item=room.item, group=table.group, version=version(room, table), forward=True
    )

    assert "Step 1 of 2" in first and "Speeches" in first and "Your group’s countdown" not in first
    assert 'value="back"' not in leader and "Next: Feedback" in leader
    all_to = re.findall(r'id="soapbox-all-\w+">(.*?)</button>', tablet)
    assert [re.sub(r"<[^>]+>", "", label) for label in all_to] == ["Speeches", "Feedback"]
    assert "Select a valid choice." in to_plan.content.decode()
    assert selectors.group_state(room.item, table.group).phase == "feedback"
    with pytest.raises(services.NotPossible):  # the feedback is its last phase
        services.move_phase(
            item=room.item, group=table.group, version=version(room, table), forward=True
        )


def test_without_phases_the_four_run_in_their_usual_order(seminar):
    room = make_room(seminar)

    assert selectors.phase_keys(room.item) == ["prepare", "speeches", "feedback", "plan"]


@pytest.mark.django_db
def test_the_phases_are_read_stored_and_exported_and_an_order_that_cannot_run_names_its_line():
    phases = '["prepare", "speeches", "feedback"]'
    own = SOAPBOX.replace("prepare_minutes = 10", f"prepare_minutes = 10\nphases = {phases}")
    seminar = import_program(text=own)
    feedback_first = own.replace('["prepare", "speeches", "feedback"]', '["feedback", "speeches"]')
    no_speeches = own.replace('["prepare", "speeches", "feedback"]', '["prepare", "plan"]')
    unknown = own.replace('["prepare", "speeches", "feedback"]', '["speeches", "vision"]')

    item = seminar.days.get().items.get(kind="soapbox")
    assert item.settings["phases"] == ["prepare", "speeches", "feedback"]
    assert 'phases = ["prepare", "speeches", "feedback"]' in export_program(seminar)
    for text, problem in (
        (feedback_first, 'phases must put "feedback" after "speeches"'),
        (no_speeches, 'phases must include "speeches"'),
        (unknown, "phases has unknown phases ['vision']"),
    ):
        with translation.override("en"), pytest.raises(ProgramFileError) as error:
            parse(text)
        assert str(error.value).startswith("line 27: " + problem), str(error.value)
