"""The tablet's run page puts the facilitator in control: its navigation, a warning with a
one-tap fix before "Next" reaches an item whose groups are not published, and only links the
account may open."""

from django.contrib.auth.models import User
from django.test import Client

from groups.models import Group, Membership, Round
from program import selectors
from program import services as program_services
from tests import factories


def next_item_uses_groups(seminar, *, formed: bool) -> Round | None:
    """The program on its first item; the second uses a grouping whose round is not published."""
    first, second = factories.items(seminar)[:2]
    grouping = factories.grouping(seminar, name="Borde", label="Bord")
    second.grouping, second.round_number = grouping, 1
    second.save()
    program_services.jump(
        seminar=seminar, version=selectors.live_state(seminar).version, item=first
    )
    if not formed:
        return None
    round_ = Round.objects.create(grouping=grouping, number=1)
    group = Group.objects.create(round=round_, number=1, name="Bord 1")
    Membership.objects.create(round=round_, group=group, participant=factories.participant(seminar))
    return round_


def run_page(client, seminar) -> str:
    return client.get(f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_run_page_links_groups_homework_and_the_report(facilitator_client, seminar):
    html = run_page(facilitator_client, seminar)

    for url in (
        f"/s/{seminar.slug}/groups/",
        f"/s/{seminar.slug}/run/homework/",
        f"/s/{seminar.slug}/report/",
    ):
        assert f'href="{url}"' in html, url


def test_no_admin_link_for_a_facilitator_who_is_no_superuser(facilitator_client, seminar):
    assert 'href="/admin/"' not in run_page(facilitator_client, seminar)
    superuser = User.objects.create_superuser("boss", password="x-long-password-1")
    client = Client()
    client.force_login(superuser)
    assert 'href="/admin/"' in run_page(client, seminar)


def test_next_into_groups_not_formed_warns_and_links_the_round(facilitator_client, seminar):
    next_item_uses_groups(seminar, formed=False)

    html = run_page(facilitator_client, seminar)

    assert "uses the groups Borde, round 1, which are not published" in html
    assert 'id="form-next-groups">Form the groups</a>' in html


def test_the_warning_publishes_the_groups_in_one_tap_and_goes_away(facilitator_client, seminar):
    round_ = next_item_uses_groups(seminar, formed=True)
    assert 'id="publish-next-groups"' in run_page(facilitator_client, seminar)

    response = facilitator_client.post(
        f"/s/{seminar.slug}/groups/{round_.grouping_id}/round/1/publish/",
        {"next": f"/s/{seminar.slug}/run/"},
    )

    assert response.status_code == 303 and response["Location"] == f"/s/{seminar.slug}/run/"
    round_.refresh_from_db()
    assert round_.published_at is not None
    assert "which are not published" not in run_page(facilitator_client, seminar)


def test_publishing_never_sends_the_tablet_to_another_host(facilitator_client, seminar):
    round_ = next_item_uses_groups(seminar, formed=True)

    response = facilitator_client.post(
        f"/s/{seminar.slug}/groups/{round_.grouping_id}/round/1/publish/",
        {"next": "https://evil.example/"},
    )

    assert response.status_code == 303
    assert response["Location"] == f"/s/{seminar.slug}/groups/{round_.grouping_id}/round/1/"


def test_the_facilitator_edits_the_surprises_texts_without_the_admin(facilitator_client, seminar):
    surprise = next(item for item in factories.items(seminar) if item.secret)
    url = f"/s/{seminar.slug}/run/items/{surprise.pk}/edit/"
    assert f'href="{url}" id="edit-{surprise.pk}"' in run_page(facilitator_client, seminar)
    version = selectors.live_state(seminar).version

    response = facilitator_client.post(
        url,
        {
            "title": "En overraskelse i aften",
            "text": "Koncert i salen",
            "notes": "Bandet kommer 19:30",
            "leads": "",
            "place": "Salen",
            "returns_at": "21:15",
        },
    )

    assert response.status_code == 303
    surprise.refresh_from_db()
    assert (surprise.title, surprise.text, surprise.place) == (
        "En overraskelse i aften",
        "Koncert i salen",
        "Salen",
    )
    assert surprise.returns_at.isoformat() == "21:15:00" and surprise.is_hidden
    assert selectors.live_state(seminar).version == version + 1  # every screen gets the room again
    assert (
        'value="21:15"' in facilitator_client.get(url, HTTP_ACCEPT_LANGUAGE="da").content.decode()
    )


def test_an_empty_title_is_refused_with_a_message_and_a_phone_cannot_edit(
    facilitator_client, phone_client, seminar
):
    item = factories.items(seminar)[0]
    url = f"/s/{seminar.slug}/run/items/{item.pk}/edit/"

    response = facilitator_client.post(url, {"title": "", "text": "x"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400 and "This field is required." in response.content.decode()
    assert phone_client.post(url, {"title": "Hacked"}).status_code == 302
    item.refresh_from_db()
    assert item.title != "Hacked"
