"""The group solver on its own: no Django, no database.

Generated instances check the guarantees (everyone once per round, sizes within one,
pins kept, departments within ceil(largest / groups), no repeated pair where there
is room); fixed examples check the CLI, determinism, history and re-balancing.
"""

import json
import subprocess
import sys
from collections import Counter
from itertools import combinations
from math import ceil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from groups.solver import InstanceError, quality, rebalance, solve

ROOT = Path(__file__).resolve().parents[2]
FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def people(departments: list[int], pins: dict[int, int] | None = None) -> list[dict]:
    """Person dicts P000, P001, ... in departments D0, D1, ...; pins: index → group."""
    result = [{"id": f"P{i:03d}", "department": f"D{d}"} for i, d in enumerate(departments)]
    for i, group in (pins or {}).items():
        result[i]["fixed_group"] = group
    return result


def uneven_departments(count: int, kinds: int) -> list[int]:
    """One department of about a third, the rest spread unevenly."""
    big = count // 3
    return [0] * big + [1 + i % (kinds - 1) if i % 4 else 1 for i in range(count - big)]


def meetings(rounds: list) -> Counter:
    return Counter(
        pair for groups in rounds for group in groups for pair in combinations(sorted(group), 2)
    )


@st.composite
def instances(draw, max_people: int = 80) -> dict:
    count = draw(st.integers(6, max_people))
    kinds = draw(st.integers(1, 7))
    departments = draw(st.lists(st.integers(0, kinds - 1), min_size=count, max_size=count))
    instance = {"rounds": draw(st.integers(1, 4)), "seed": draw(st.integers(0, 10**6))}
    if draw(st.booleans()):
        instance["group_size"] = 6
        groups = ceil(count / 6)
    else:
        groups = draw(st.integers(1, max(1, count // 4)))
        instance["num_groups"] = groups
    pinned = draw(st.lists(st.integers(0, count - 1), max_size=groups, unique=True))
    instance["people"] = people(departments, {i: g for g, i in enumerate(pinned)})
    if draw(st.booleans()):
        ids = draw(st.permutations([p["id"] for p in instance["people"]]))
        instance["history"] = [[list(ids[g::groups]) for g in range(groups)]]
    return instance


def group_count(instance: dict) -> int:
    if "num_groups" in instance:
        return instance["num_groups"]
    return ceil(len(instance["people"]) / instance["group_size"])


@FEW
@given(instances())
def test_solve_places_everyone_once_per_round_in_even_groups(instance):
    result = solve(instance)

    ids = sorted(p["id"] for p in instance["people"])
    assert len(result["rounds"]) == instance["rounds"]
    for groups in result["rounds"]:
        assert len(groups) == group_count(instance)
        assert sorted(pid for group in groups for pid in group) == ids
        sizes = [len(group) for group in groups]
        assert max(sizes) - min(sizes) <= 1


@FEW
@given(instances())
def test_solve_keeps_pinned_people_and_department_limit(instance):
    result = solve(instance)

    groups = group_count(instance)
    largest = max(Counter(p["department"] for p in instance["people"]).values())
    for round_groups in result["rounds"]:
        for person in instance["people"]:
            if "fixed_group" in person:
                assert person["id"] in round_groups[person["fixed_group"]]
    assert result["quality"]["max_department_at_group"] <= ceil(largest / groups)


@st.composite
def roomy_table_instances(draw) -> dict:
    """Tables of 6, at least 7 tables (or 6 tables for up to 3 rounds), and
    5 × rounds ≤ people − 1: a grouping without any repeated pair exists."""
    count = draw(st.integers(31, 130))
    top = min(5, (count - 1) // 5) if count > 36 else 3
    rounds = draw(st.integers(1, top))
    departments = uneven_departments(count, draw(st.integers(5, 8)))
    seed = draw(st.integers(0, 10**6))
    return {"people": people(departments), "group_size": 6, "rounds": rounds, "seed": seed}


@FEW
@given(roomy_table_instances())
def test_solve_repeats_no_pair_when_there_is_room(instance):
    result = solve(instance)

    assert result["quality"]["repeated_pairs"] == 0
    assert result["quality"]["max_pair_meetings"] == 1


@FEW
@given(instances(max_people=40))
def test_quality_counts_what_the_rounds_show(instance):
    result = solve(instance)

    history = instance.get("history", [])
    new, old = meetings(result["rounds"]), meetings(history)
    departments = {p["id"]: p["department"] for p in instance["people"]}
    repeated = [pair for pair in new if new[pair] + old[pair] > 1]
    assert result["quality"]["repeated_pairs"] == len(repeated)
    assert result["quality"] == quality(result["rounds"], instance["people"], history)
    assert quality(result["rounds"], departments, history) == result["quality"]


def test_solve_80_people_4_rounds_of_tables_without_repeats():
    instance = {
        "people": people(uneven_departments(80, 6)),
        "group_size": 6,
        "rounds": 4,
        "seed": 1,
    }

    figures = solve(instance)["quality"]

    largest = max(Counter(uneven_departments(80, 6)).values())
    assert figures["repeated_pairs"] == 0
    assert (figures["min_group_size"], figures["max_group_size"]) == (5, 6)
    assert figures["max_department_at_group"] == ceil(largest / 14)
    assert figures["department_excess"] == 0


def test_solve_48_people_5_rounds_uses_every_fresh_partner():
    instance = {
        "people": people(uneven_departments(48, 6)),
        "group_size": 6,
        "rounds": 5,
        "seed": 2,
    }

    assert solve(instance)["quality"]["repeated_pairs"] == 0


def test_solve_big_groups_give_each_process_leader_their_own_group():
    departments = [9] * 4 + uneven_departments(76, 6)
    instance = {
        "people": people(departments, {0: 0, 1: 1, 2: 2, 3: 3}),
        "num_groups": 4,
        "rounds": 2,
        "seed": 5,
    }

    result = solve(instance)

    leaders = {"P000", "P001", "P002", "P003"}
    for groups in result["rounds"]:
        assert [len(leaders & set(group)) for group in groups] == [1, 1, 1, 1]
        assert [group.count(f"P00{g}") for g, group in enumerate(groups)] == [1, 1, 1, 1]
        assert [len(group) for group in groups] == [20, 20, 20, 20]
    # 20 people from 4 earlier groups of 20: at least 5 from one, so repeats are
    # forced; the best possible is 5 from each, 4 × 4 × C(5, 2) = 160 pairs.
    assert result["quality"]["repeated_pairs"] == 160
    assert result["quality"]["max_pair_meetings"] == 2


def test_solve_same_seed_gives_same_grouping():
    instance = {
        "people": people(uneven_departments(60, 6)),
        "group_size": 6,
        "rounds": 3,
        "seed": 42,
    }

    assert solve(instance) == solve(json.loads(json.dumps(instance)))


def test_solve_avoids_pairs_that_met_in_history():
    ids = [f"P{i:03d}" for i in range(48)]
    history = [[ids[g * 6 : (g + 1) * 6] for g in range(8)]]
    instance = {
        "people": people(uneven_departments(48, 6)),
        "group_size": 6,
        "rounds": 3,
        "history": history,
        "seed": 7,
    }

    result = solve(instance)

    assert result["quality"]["repeated_pairs"] == 0
    old = meetings(history)
    assert not [pair for pair in meetings(result["rounds"]) if pair in old]


def test_quality_leaves_out_repeats_within_history_alone():
    history = [[["A", "B"], ["C", "D"]], [["A", "B"], ["C", "D"]]]
    rounds = [[["A", "C"], ["B", "D"]]]

    figures = quality(rounds, {"A": "x", "B": "x", "C": "y", "D": "y"}, history)

    assert figures == {
        "repeated_pairs": 0,
        "max_pair_meetings": 1,
        "min_group_size": 2,
        "max_group_size": 2,
        "department_excess": 0,
        "max_department_at_group": 1,
    }


def test_quality_counts_department_beyond_even_share():
    rounds = [[["A", "B", "C"], ["D", "E", "F"]]]
    departments = {"A": "x", "B": "x", "C": "x", "D": "x", "E": "y", "F": "y"}

    figures = quality(rounds, departments)

    # x: 4 people in 2 groups, share 2, one too many at group 0; y: 2 people,
    # share 1, one too many at group 1.
    assert (figures["department_excess"], figures["max_department_at_group"]) == (2, 3)


@pytest.mark.parametrize(
    ("instance", "message"),
    [
        ({"group_size": 6, "rounds": 1}, "no 'people'"),
        ({"people": [{"id": "A"}], "group_size": 6, "rounds": 1}, "no 'department'"),
        ({"people": people([0, 0]), "rounds": 1}, "exactly one of"),
        ({"people": people([0, 0]), "num_groups": 3, "rounds": 1}, "more than the 2 people"),
        ({"people": people([0, 0], {0: 2}), "num_groups": 2, "rounds": 1}, "fixed to group 2"),
        ({"people": people([0, 0]) * 2, "num_groups": 1, "rounds": 1}, "duplicate person ids"),
        (
            {"people": people([0, 0, 0], {0: 0, 1: 0}), "num_groups": 3, "rounds": 1},
            "2 people are pinned to group 0",
        ),
        ({"people": people([0, 0]), "num_groups": 1, "rounds": 0}, "'rounds' must be"),
    ],
)
def test_solve_refuses_bad_instance_with_reason(instance, message):
    with pytest.raises(InstanceError, match=message):
        solve(instance)


def run_cli(tmp_path: Path, text: str) -> subprocess.CompletedProcess:
    path = tmp_path / "instance.json"
    path.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "groups.solver", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_prints_grouping_as_json(tmp_path):
    instance = {
        "people": people(uneven_departments(30, 5)),
        "group_size": 6,
        "rounds": 2,
        "seed": 3,
    }

    done = run_cli(tmp_path, json.dumps(instance))

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == solve(instance)
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "is not valid JSON"),
        (json.dumps({"people": people([0, 1]), "group_size": 6}), "no 'rounds'"),
        (
            json.dumps({"people": people([0, 1], {1: 5}), "group_size": 1, "rounds": 1}),
            "P001 is fixed to group 5",
        ),
        (
            json.dumps({"people": people([0]) * 2, "group_size": 6, "rounds": 1}),
            "duplicate person ids: P000",
        ),
    ],
)
def test_cli_rejects_bad_instance_with_one_line(tmp_path, text, message):
    done = run_cli(tmp_path, text)

    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1


def table_round(count: int = 36, tables: int = 6) -> list[list[str]]:
    return [[f"P{i:03d}" for i in range(t, count, tables)] for t in range(tables)]


def test_rebalance_absence_moves_nobody_else():
    groups = table_round()
    present = [pid for group in groups for pid in group if pid != "P007"]
    departments = {pid: "D0" for pid in present}

    new_groups, moves = rebalance(groups, present, departments, history=[])

    assert moves == [("P007", 1, None)]
    assert sorted(len(group) for group in new_groups) == [5, 6, 6, 6, 6, 6]


def test_rebalance_two_absences_at_one_table_move_one_person():
    groups = table_round()
    present = [pid for group in groups for pid in group if pid not in ("P000", "P006")]
    departments = {pid: f"D{int(pid[1:]) // 6 % 4}" for pid in present}

    new_groups, moves = rebalance(groups, present, departments)

    assert moves[:2] == [("P000", 0, None), ("P006", 0, None)]
    assert len(moves) == 3 and moves[2][2] == 0
    assert sorted(len(group) for group in new_groups) == [5, 5, 6, 6, 6, 6]


def test_rebalance_late_arrival_is_placed_where_nobody_is_met_again():
    groups = table_round()
    present = [pid for group in groups for pid in group] + ["P100"]
    departments = {pid: f"D{int(pid[1:]) // 6 % 3}" for pid in present}
    # The newcomer already met someone from every table but table 4.
    history = [[["P100", groups[t][0]]] for t in (0, 1, 2, 3, 5)]

    new_groups, moves = rebalance(groups, present, departments, history)

    assert moves == [("P100", None, 4)]
    assert quality([new_groups], departments, history)["repeated_pairs"] == 0


def test_rebalance_keeps_pinned_people_in_place():
    groups = table_round(14, 2)  # 7 and 7
    present = [pid for pid in groups[0] if pid != "P000"] + groups[1] + ["P100", "P101"]
    departments = {pid: "D0" for pid in present}
    fixed = {"P101": 0, "P001": 1}

    new_groups, moves = rebalance(groups, present, departments, fixed=fixed)

    assert "P101" in new_groups[0] and "P001" in new_groups[1]
    assert sorted(len(group) for group in new_groups) == [7, 8]
    assert not [move for move in moves if move[0] == "P001"]
