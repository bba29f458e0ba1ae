from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from program.vernissage.rota import hosts_at, hosts_per_turn, rota


def test_rota_for_a_table_of_six_in_three_turns_lets_everyone_host_once():
    assert rota(list("ABCDEF"), 3) == [["A", "B"], ["C", "D"], ["E", "F"]]


def test_rota_with_an_uneven_table_goes_round_and_wraps():
    assert rota(list("ABCDE"), 3) == [["A", "B"], ["C", "D"], ["E", "A"]]
    assert hosts_at(list("ABCDE"), 3, 3) == ["B", "C"]


def test_rota_of_an_empty_table_has_no_hosts():
    assert rota([], 3) == [[], [], []]
    assert hosts_per_turn(0, 3) == 0


@given(size=st.integers(1, 30), turns=st.integers(1, 8), played=st.integers(1, 40))
def test_every_member_hosts_about_equally(size, turns, played):
    members = list(range(size))
    counts = Counter(person for turn in range(played) for person in hosts_at(members, turn, turns))
    hosted = [counts[person] for person in members]

    assert max(hosted) - min(hosted) <= 1
    assert all(
        len(set(hosts_at(members, turn, turns))) == len(hosts_at(members, turn, turns))
        for turn in range(played)
    )


@given(size=st.integers(1, 30), turns=st.integers(1, 8))
def test_within_the_planned_turns_everyone_hosts(size, turns):
    members = list(range(size))

    assert {person for hosts in rota(members, turns) for person in hosts} == set(members)
