"""Each of the goals app's activities renders on the tablet, the phone and the projector."""

import pytest

from tests.goals.conftest import go, phone_of


@pytest.mark.parametrize(
    ("item_name", "tablet_id", "phone_id"),
    [
        ("cases", "cases-tablet", "case-group"),
        ("writing", "goals-tablet", "goal-group"),
        ("plenum", "goals-tablet", "goals-plenum"),
        ("plans", "plans-tablet", "plans-group"),
        ("commitments", "commitments-tablet", "activity-panel"),
    ],
)
def test_activity_shows_on_every_screen(
    room, facilitator_client, projector_client, item_name, tablet_id, phone_id
):
    item = getattr(room, item_name)
    go(room.seminar, item)

    tablet = facilitator_client.get(
        f"/s/{room.seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    phone = (
        phone_of(room.anna)
        .get(f"/s/{room.seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )
    panel = phone_of(room.anna).get(f"/s/{room.seminar.slug}/panel/{item.pk}/")
    projector = projector_client.get(f"/s/{room.seminar.slug}/projector/").content.decode()

    assert f'id="{tablet_id}"' in tablet
    assert f'id="{phone_id}"' in phone
    assert panel.status_code == 200
    assert f"{item.title} tekst" in projector
