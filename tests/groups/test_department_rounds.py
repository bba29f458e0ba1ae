"""Department groups mean departments: one group each unless split or merged on purpose, with
figures that fit (no mixed-group quality line)."""

from groups import services
from groups.models import Grouping
from tests import factories


def people(seminar, sizes: dict[str, int]) -> None:
    for department, count in sizes.items():
        place = factories.department(seminar, department)
        for number in range(count):
            factories.participant(seminar, f"{department} {number}", department=place)


def formed(grouping):
    round_ = services.form_round(grouping=grouping, number=1, seed=1)
    return sorted((group.name, group.memberships.count()) for group in round_.groups.all())


def test_by_default_every_department_is_one_group_however_large_or_small(seminar):
    people(seminar, {"Børn og Unge": 14, "Teknik": 9, "Kultur": 8, "Sundhed": 7, "Direktion": 2})
    grouping = factories.grouping(seminar, "Afdelingerne", kind=Grouping.Kind.DEPARTMENT)

    assert formed(grouping) == [
        ("Børn og Unge", 14),
        ("Direktion", 2),
        ("Kultur", 8),
        ("Sundhed", 7),
        ("Teknik", 9),
    ]


def test_splitting_and_merging_happen_only_as_the_grouping_says(seminar):
    people(seminar, {"Børn og Unge": 14, "Teknik": 9, "Direktion": 2})
    grouping = factories.grouping(
        seminar, "Afdelingerne", kind=Grouping.Kind.DEPARTMENT, group_size=10, min_size=3
    )

    assert formed(grouping) == [
        ("Børn og Unge 1 + Direktion", 9),
        ("Børn og Unge 2", 7),
        ("Teknik", 9),
    ]


def test_the_round_page_shows_department_figures_not_the_mixed_quality(facilitator_client, seminar):
    people(seminar, {"Børn og Unge": 14, "Teknik": 9, "Direktion": 2})
    grouping = factories.grouping(
        seminar, "Afdelingerne", kind=Grouping.Kind.DEPARTMENT, group_size=10, min_size=3
    )
    services.form_round(grouping=grouping, number=1, seed=1)

    html = facilitator_client.get(
        f"/s/{seminar.slug}/groups/{grouping.pk}/round/1/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "3 groups for 3 departments" in html
    assert "Departments split over several groups</dt><dd>Børn og Unge</dd>" in html
    assert "Groups with more than one department</dt><dd>Børn og Unge 1 + Direktion</dd>" in html
    assert "Most of one department at a group" not in html and "Repeated pairs" not in html


def test_a_mixed_round_keeps_its_mixing_figures(facilitator_client, seminar):
    people(seminar, {"Børn og Unge": 6, "Teknik": 6})
    tables = factories.grouping(seminar, "Borde", group_size=4)
    services.form_round(grouping=tables, number=1, seed=1)

    html = facilitator_client.get(
        f"/s/{seminar.slug}/groups/{tables.pk}/round/1/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "Most of one department at a group" in html and "groups for" not in html
