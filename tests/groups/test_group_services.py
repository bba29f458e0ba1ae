from itertools import combinations

import pytest
from django.utils import translation

from groups import selectors, services
from groups.models import Grouping, Membership
from seminar.models import Participant
from tests import factories


@pytest.fixture(autouse=True)
def english():
    """These tests read messages in English (the source language)."""
    with translation.override("en"):
        yield


def roster(seminar, sizes: dict[str, int], leaders: int = 0) -> list[Participant]:
    people = []
    for department, size in sizes.items():
        dept = factories.department(seminar, department)
        for _ in range(size):
            people.append(factories.participant(seminar, department=dept))
    for person in people[: leaders * 7 : 7][:leaders]:
        person.role = Participant.Role.PROCESS_LEADER
        person.save()
    return people


def groups_of(round_) -> list[list[str]]:
    return [[p.name for p in people] for _, people in selectors.round_members(round_)]


def test_tables_round_leaves_absent_people_out_and_spreads_departments(seminar):
    people = roster(seminar, {"Børn": 14, "Social": 8, "Teknik": 8, "Kultur": 6})
    people[0].present = people[1].present = False
    for person in people[:2]:
        person.save()
    tables = factories.grouping(seminar, "Borde", group_size=6, label="Bord")

    round_ = services.form_round(grouping=tables, number=1, seed=3)

    sizes = [len(names) for names in groups_of(round_)]
    placed = {name for names in groups_of(round_) for name in names}
    assert len(sizes) == 6 and max(sizes) - min(sizes) <= 1
    assert people[0].name not in placed and len(placed) == 34
    assert selectors.quality(round_)["max_department_at_group"] <= 3
    assert [g.name for g, _ in selectors.round_members(round_)][:2] == ["Bord 1", "Bord 2"]


def test_second_round_avoids_every_pair_of_the_first(seminar):
    roster(seminar, {"Børn": 14, "Social": 8, "Teknik": 8, "Kultur": 6})
    tables = factories.grouping(seminar, "Borde", group_size=6)
    first = services.form_round(grouping=tables, number=1, seed=1)

    second = services.form_round(grouping=tables, number=2, seed=1)

    met_before = {pair for names in groups_of(first) for pair in combinations(sorted(names), 2)}
    met_now = {pair for names in groups_of(second) for pair in combinations(sorted(names), 2)}
    assert met_before.isdisjoint(met_now)
    assert selectors.quality(second)["repeated_pairs"] == 0


def test_big_groups_get_exactly_one_process_leader_each(seminar):
    people = roster(seminar, {"Børn": 24, "Social": 14, "Teknik": 10, "Kultur": 12}, leaders=4)
    big = factories.grouping(seminar, "Store grupper", num_groups=4)

    round_ = services.form_round(grouping=big, number=1, seed=5)

    for _, members in selectors.round_members(round_):
        assert sum(p.role == Participant.Role.PROCESS_LEADER for p in members) == 1
        assert members[0].role == Participant.Role.PROCESS_LEADER
    assert len(people) == 60


def test_department_groups_merge_small_and_split_large(seminar):
    roster(seminar, {"Børn og Unge": 24, "Social": 14, "Jobcenter": 4})
    departments = factories.grouping(
        seminar, "Forvaltninger", kind=Grouping.Kind.DEPARTMENT, group_size=20, min_size=5
    )

    round_ = services.form_round(grouping=departments, number=1)

    names = [(g.name, len(people)) for g, people in selectors.round_members(round_)]
    assert names == [("Børn og Unge 1 + Jobcenter", 16), ("Børn og Unge 2", 12), ("Social", 14)]


def test_published_round_cannot_be_formed_again(seminar):
    roster(seminar, {"A": 6, "B": 6})
    tables = factories.grouping(seminar, "Borde", group_size=6)
    round_ = services.form_round(grouping=tables, number=1, seed=1)
    services.publish_round(round_=round_)

    with pytest.raises(services.NotPossible):
        services.form_round(grouping=tables, number=1)


def test_rebalance_after_an_absence_and_a_late_arrival_moves_few(seminar):
    people = roster(seminar, {"A": 12, "B": 12, "C": 12})
    late = factories.participant(seminar, present=False)
    tables = factories.grouping(seminar, "Borde", group_size=6)
    round_ = services.form_round(grouping=tables, number=1, seed=2)
    services.publish_round(round_=round_)
    before = {m.participant_id: m.group_id for m in Membership.objects.filter(round=round_)}

    people[0].present = False
    people[0].save()
    late.present = True
    late.save()
    moves = services.rebalance_round(round_=round_)

    after = {m.participant_id: m.group_id for m in Membership.objects.filter(round=round_)}
    moved_people = {person.pk for person, _, _ in moves}
    assert people[0].pk not in after and late.pk in after
    assert moved_people == {people[0].pk, late.pk}
    assert all(after[pid] == group for pid, group in before.items() if pid in after)
    sizes = [len(names) for names in groups_of(round_)]
    assert max(sizes) - min(sizes) <= 1


def test_move_warns_about_repeats_and_department_pile_up(seminar):
    people = roster(seminar, {"A": 12, "B": 12, "C": 12})
    tables = factories.grouping(seminar, "Borde", group_size=6)
    first = services.form_round(grouping=tables, number=1, seed=4)
    second = services.form_round(grouping=tables, number=2, seed=4)
    person = people[0]
    old_table_mates = {
        p.pk for g, members in selectors.round_members(first) if person in members for p in members
    } - {person.pk}
    target = next(
        g
        for g, members in selectors.round_members(second)
        if person not in members and any(p.pk in old_table_mates for p in members)
    )

    warnings = selectors.move_warnings(second, person, target)

    assert any("before" in warning for warning in warnings)
    services.move_person(round_=second, participant=person, group=target)
    assert Membership.objects.get(round=second, participant=person).group == target


def test_group_for_item_finds_the_persons_group_in_the_items_published_round(seminar):
    people = roster(seminar, {"Skole": 4, "Ældre": 4})
    borde = factories.grouping(seminar, "Borde", label="Bord", group_size=4)
    item = factories.items(seminar)[0]
    item.grouping, item.round_number = borde, 2
    item.save()
    first = services.publish_round(round_=services.form_round(grouping=borde, number=1, seed=3))
    second = services.form_round(grouping=borde, number=2, seed=5)

    assert selectors.group_for_item(people[0].pk, item) is None  # round 2 is not published yet
    services.publish_round(round_=second)
    found = selectors.group_for_item(people[0].pk, item)
    assert found == selectors.group_of(people[0].pk, selectors.round_for_item(item))
    assert found.round_id == second.pk != first.pk
    item.grouping = None
    assert selectors.group_for_item(people[0].pk, item) is None
