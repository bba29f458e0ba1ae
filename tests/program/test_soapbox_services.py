"""The soapbox's services: each group's phases and countdown, the speaker draw, drafts, feedback,
plans."""

import datetime as dt
import uuid

import pytest

from program.models import ActionPlan, GroupActivityState, SpeakerDraw, SpeechFeedback
from program.soapbox import draw, selectors, services, writing
from seminar.submissions import PACE_LIMIT, TooFast
from tests.program.soapbox_room import feedback, make_room, to_speeches, version


@pytest.fixture
def room(seminar):
    return make_room(seminar)


def test_groups_start_preparing_with_a_fifteen_minute_countdown(room):
    state = selectors.group_state(room.item, room.tables[0].group)

    assert (state.phase, state.timer_remaining, state.version) == ("prepare", 15 * 60, 1)
    assert not GroupActivityState.objects.exists()


def test_each_group_moves_through_its_own_phases(room):
    first, second = room.tables

    services.move_phase(item=room.item, group=first.group, version=1, forward=True)
    services.move_phase(item=room.item, group=first.group, version=2, forward=True)

    assert selectors.group_state(room.item, first.group).phase == "feedback"
    assert selectors.group_state(room.item, second.group).phase == "prepare"


def test_two_presses_on_the_same_version_move_one_step(room):
    group = room.tables[0].group
    services.move_phase(item=room.item, group=group, version=1, forward=True)

    with pytest.raises(services.StaleVersion):
        services.move_phase(item=room.item, group=group, version=1, forward=True)

    assert selectors.group_state(room.item, group).phase == "speeches"


def test_there_is_no_phase_before_prepare_or_after_the_plan(room):
    group = room.tables[0].group
    with pytest.raises(services.NotPossible):
        services.move_phase(item=room.item, group=group, version=1, forward=False)

    services.set_phase_everywhere(item=room.item, phase="plan")
    with pytest.raises(services.NotPossible):
        services.move_phase(
            item=room.item, group=group, version=version(room, room.tables[0]), forward=True
        )


def test_facilitator_puts_every_group_in_one_phase(room):
    result = services.set_phase_everywhere(item=room.item, phase="plan")

    assert result.moved == [t.group for t in room.tables]
    assert [selectors.group_state(room.item, t.group).phase for t in room.tables] == [
        "plan",
        "plan",
    ]


def test_all_groups_to_the_speeches_skips_a_group_without_speakers(room):
    ready, waiting = room.tables
    services.choose_speakers(
        item=room.item, group=ready.group, version=version(room, ready), volunteers=[], seed=1
    )

    result = services.set_phase_everywhere(item=room.item, phase="speeches")

    assert result.moved == [ready.group] and result.without_speakers == [waiting.group]
    assert [selectors.group_state(room.item, t.group).phase for t in room.tables] == [
        "speeches",
        "prepare",
    ]
    assert version(room, waiting) == 1  # untouched: its leader's phone is not out of date


def test_all_groups_never_moves_a_group_back_from_where_its_leader_took_it(room):
    ahead, behind = room.tables
    services.set_phase_everywhere(item=room.item, phase="plan")
    services.move_phase(
        item=room.item, group=behind.group, version=version(room, behind), forward=False
    )
    assert selectors.group_state(room.item, behind.group).phase == "feedback"

    result = services.set_phase_everywhere(item=room.item, phase="feedback")

    assert result.ahead == [ahead.group, behind.group] and result.moved == []
    assert selectors.group_state(room.item, ahead.group).phase == "plan"


def test_group_countdown_starts_pauses_and_gets_more_time(room):
    group = room.tables[0].group

    started = services.start_timer(item=room.item, group=group, version=1)
    paused = services.pause_timer(item=room.item, group=group, version=started.version)
    longer = services.add_minutes(item=room.item, group=group, version=paused.version, minutes=5)

    assert started.timer_ends_at is not None and started.timer_remaining is None
    assert 14 * 60 < paused.timer_remaining <= 15 * 60
    assert longer.timer_remaining == paused.timer_remaining + 5 * 60


def test_draw_takes_ticked_volunteers_first_then_draws_the_rest_reproducibly(room):
    table = room.tables[0]
    eager = table.members[2]
    services.set_volunteer(item=room.item, participant=eager, volunteer=True)

    record = services.choose_speakers(
        item=room.item, group=table.group, version=1, volunteers=[eager], seed=99
    )

    speakers = [s.participant_id for s in selectors.lineup(room.item, table.group)]
    assert speakers[0] == eager.pk and len(speakers) == 3
    assert record.candidates == sorted(p.pk for p in table.members if p != eager)
    assert speakers[1:] == draw.draw(record.candidates, 2, record.seed)
    assert table.leader.pk not in speakers


def test_only_volunteers_of_the_group_can_be_ticked(room):
    table, other = room.tables
    services.set_volunteer(item=room.item, participant=other.members[0], volunteer=True)

    with pytest.raises(services.NotPossible):
        services.choose_speakers(
            item=room.item, group=table.group, version=1, volunteers=[other.members[0]]
        )
    with pytest.raises(services.NotPossible):  # not a volunteer (the refusal above changed nothing)
        services.choose_speakers(
            item=room.item, group=table.group, version=1, volunteers=[table.members[0]]
        )


def test_who_has_spoken_is_not_drawn_again(room, seminar):
    table = room.tables[0]
    first = to_speeches(room, table, seed=3)
    absent = next(p for p in table.members if p != first.participant)
    absent.present = False
    absent.save()

    record = services.choose_speakers(
        item=room.item, group=table.group, version=version(room, table), volunteers=[], seed=4
    )

    assert first.participant_id not in record.candidates
    assert absent.pk not in record.candidates
    assert SpeakerDraw.objects.filter(group=table.group).count() == 2


def test_speakers_are_called_up_in_order_and_only_during_the_speeches(room):
    table = room.tables[0]
    services.choose_speakers(item=room.item, group=table.group, version=1, volunteers=[], seed=5)
    with pytest.raises(services.NotPossible):
        services.call_next_speaker(item=room.item, group=table.group, version=2)
    services.move_phase(item=room.item, group=table.group, version=2, forward=True)

    called = [
        services.call_next_speaker(item=room.item, group=table.group, version=version(room, table))
        for _ in range(3)
    ]

    assert [s.order for s in called] == [1, 2, 3]
    with pytest.raises(services.NotPossible):
        services.call_next_speaker(item=room.item, group=table.group, version=version(room, table))


def test_draft_saves_on_its_version_and_refuses_a_stale_one(room):
    author = room.tables[0].members[0]

    first = writing.save_draft(
        item=room.item, author=author, version=0, parts={"message": "Sammen"}
    )
    second = writing.save_draft(
        item=room.item, author=author, version=1, parts={"message": "Sammen om Varde"}
    )
    with pytest.raises(writing.StaleDraft) as stale:
        writing.save_draft(
            item=room.item, author=author, version=1, parts={"message": "Gammel fane"}
        )

    assert (first.version, second.version) == (1, 2)
    assert stale.value.draft.message == "Sammen om Varde"


def test_feedback_is_stored_once_per_key(room):
    table = room.tables[0]
    speaker = to_speeches(room, table)
    author = next(p for p in table.members if p.pk != speaker.participant_id)
    key = uuid.uuid4()

    first = feedback(room, author, speaker, key=key)
    again = feedback(room, author, speaker, key=key)

    assert first == again
    assert SpeechFeedback.objects.count() == 1


def test_feedback_only_to_a_called_speaker_of_ones_own_group_and_not_to_oneself(room):
    table, other = room.tables
    speaker = to_speeches(room, table)

    with pytest.raises(services.NotOpen):
        feedback(room, other.members[0], speaker)
    with pytest.raises(services.NotOpen):
        feedback(room, speaker.participant, speaker)
    waiting = selectors.lineup(room.item, table.group)[1]
    with pytest.raises(services.NotOpen):
        feedback(room, table.leader, waiting)


def test_too_much_feedback_too_fast_is_refused(room):
    table = room.tables[0]
    speaker = to_speeches(room, table)
    author = next(p for p in table.members if p.pk != speaker.participant_id)
    for _ in range(PACE_LIMIT):
        feedback(room, author, speaker)

    with pytest.raises(TooFast):
        feedback(room, author, speaker)


def test_action_plan_is_saved_once_per_key_and_a_new_save_replaces_the_steps(room):
    author = room.tables[0].members[0]
    key = uuid.uuid4()
    steps = [writing.Step("Tale på personalemødet", "Min stedfortræder", dt.date(2026, 4, 1))]

    first = writing.save_action_plan(item=room.item, author=author, steps=steps, key=key)
    writing.save_action_plan(item=room.item, author=author, steps=steps, key=key)
    writing.save_action_plan(
        item=room.item,
        author=author,
        key=uuid.uuid4(),
        steps=steps + [writing.Step("Visionsdag", "Hele teamet", dt.date(2026, 6, 1))],
    )
    writing.save_action_plan(item=room.item, author=author, steps=steps, key=key)  # a late replay

    assert ActionPlan.objects.filter(author=author).count() == 2
    assert first.steps.count() == 1
    assert [s.what for s in selectors.plan(room.item, author).steps.all()] == [
        "Tale på personalemødet",
        "Visionsdag",
    ]


def test_an_empty_action_plan_is_refused(room):
    with pytest.raises(services.NotPossible):
        writing.save_action_plan(
            item=room.item, author=room.tables[0].members[0], steps=[], key=uuid.uuid4()
        )


def test_soapbox_services_refuse_another_kind_of_item(room, seminar):
    from tests import factories

    coffee = factories.items(seminar)[0]
    with pytest.raises(services.NotOpen):
        services.move_phase(item=coffee, group=room.tables[0].group, version=1, forward=True)
    with pytest.raises(services.NotOpen):
        writing.save_draft(item=coffee, author=room.tables[0].members[0], version=0, parts={})
