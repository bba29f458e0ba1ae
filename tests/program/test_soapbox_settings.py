"""A soapbox's speakers and preparation minutes are the item's own (program file), 3 and 15 by default."""

import pytest

from program.programfile import ProgramFileError, export_program, import_program, parse
from program.soapbox import selectors, services
from tests.program.soapbox_room import make_room
from tests.program.test_programfile import GOOD
from tests.program.test_soapbox_views import HX, phone, url

SOAPBOX = GOOD.replace('kind = "table_talk"', 'kind = "soapbox"\nspeakers = 2\nprepare_minutes = 10')


def test_a_room_with_its_own_settings_draws_its_number_and_counts_its_minutes(seminar):
    room = make_room(seminar, members=5)
    room.item.settings = {"speakers": 2, "prepare_minutes": 10}
    room.item.save()
    table = room.tables[0]

    state = selectors.group_state(room.item, table.group)
    draw = services.choose_speakers(item=room.item, group=table.group, version=state.version, volunteers=[],
                                    seed=3)
    html = phone(table.members[0]).get(url(room, "slot/volunteer/"), **HX).content.decode()

    assert state.timer_remaining == 10 * 60
    assert draw.speakers.count() == 2
    assert "2 of you give their speech to the group." in html


def test_without_settings_three_speak_after_fifteen_minutes(seminar):
    room = make_room(seminar, members=5)
    table = room.tables[0]

    draw = services.choose_speakers(item=room.item, group=table.group, version=1, volunteers=[], seed=3)

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
