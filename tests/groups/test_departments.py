from groups.departments import department_groups


def people(**sizes: int) -> list[tuple[str, str]]:
    return [(f"{dept}{i}", dept) for dept, size in sizes.items() for i in range(size)]


def test_each_department_is_its_own_group():
    groups = department_groups(people(Kultur=6, Teknik=8))

    assert [(name, len(members)) for name, members in groups] == [("Kultur", 6), ("Teknik", 8)]


def test_large_department_is_split_evenly():
    groups = department_groups(people(Born=24, Teknik=10), max_size=10)

    assert [(name, len(members)) for name, members in groups] == [
        ("Born 1", 8),
        ("Born 2", 8),
        ("Born 3", 8),
        ("Teknik", 10),
    ]


def test_small_department_joins_the_smallest_group_by_name():
    groups = department_groups(people(Social=14, Teknik=10, Job=4), min_size=5)

    assert [(name, len(members)) for name, members in groups] == [
        ("Social", 14),
        ("Teknik + Job", 14),
    ]


def test_everyone_placed_once():
    everyone = people(A=24, B=14, C=10, D=7, E=7, F=6, G=4, H=3)

    groups = department_groups(everyone, max_size=20, min_size=5)

    placed = [person for _, members in groups for person in members]
    assert sorted(placed) == sorted(person for person, _ in everyone)


def test_only_small_departments_make_one_group():
    assert department_groups(people(A=2, B=3), min_size=5) == [
        ("A + B", ["A0", "A1", "B0", "B1", "B2"])
    ]
