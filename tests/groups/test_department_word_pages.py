"""The groups pages in the seminar's own word for a department ("afdeling" without one)."""

import pytest

from groups import services
from tests import factories
from tests.groups.test_group_views import round_url


@pytest.fixture
def tables(seminar):
    for department, size in {"Børn": 4, "Social": 4}.items():
        dept = factories.department(seminar, department)
        for _ in range(size):
            factories.participant(seminar, department=dept)
    grouping = factories.grouping(seminar, "Borde", group_size=4, label="Bord")
    services.form_round(grouping=grouping, number=1, seed=1)
    return grouping


def pages(client, seminar, grouping) -> dict[str, str]:
    return {
        "round": client.get(round_url(seminar, grouping)).content.decode(),
        "print": client.get(round_url(seminar, grouping, "print")).content.decode(),
        "groupings": client.get(f"/s/{seminar.slug}/groups/").content.decode(),
    }


def test_the_groups_pages_say_the_seminars_own_word(facilitator_client, seminar, tables):
    seminar.department_word, seminar.department_words = "enhed", "enheder"
    seminar.save()

    shown = pages(facilitator_client, seminar, tables)

    assert "Flest fra samme enhed i én gruppe" in shown["round"]
    assert '<th scope="col">Enhed</th>' in shown["print"]
    assert "På tværs (enheder blandet)" in shown["groupings"]
    for page in shown.values():
        assert "afdeling" not in page.lower()


def test_without_a_word_the_groups_pages_say_afdeling(facilitator_client, seminar, tables):
    shown = pages(facilitator_client, seminar, tables)

    assert "Flest fra samme afdeling i én gruppe" in shown["round"]
    assert '<th scope="col">Afdeling</th>' in shown["print"]
    assert "På tværs (afdelinger blandet)" in shown["groupings"]
