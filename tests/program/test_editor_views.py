"""The program editor's pages: add, change, move and remove items and days in the browser's
forms, checked by the import's own rules, and refused to anyone who does not run the seminar."""

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from program.models import AgendaItem, Idea, LiveState
from tests import factories

pytestmark = pytest.mark.django_db


def titles(seminar) -> list[str]:
    return list(AgendaItem.objects.for_seminar(seminar).values_list("title", flat=True))


def other_facilitator() -> Client:
    user = User.objects.create_user("anden", password="another-password-9")
    user.user_permissions.add(Permission.objects.get(codename="facilitate"))
    factories.seminar().facilitators.add(user)  # runs a seminar, just not this one
    client = Client()
    client.force_login(user)
    return client


def test_editor_shows_the_program_with_its_controls(facilitator_client, seminar):
    page = facilitator_client.get(f"/s/{seminar.slug}/program/").content.decode()

    assert "Velkommen" in page and "Overraskelse" in page
    assert 'name="direction" value="up"' in page and 'name="direction" value="down"' in page
    assert 'id="id_new-day"' in page and 'id="id_day-date"' in page


@pytest.mark.parametrize(
    "path",
    [
        "program/",
        "program/seminar/",
        "program/items/{item}/",
        "program.toml",
        "facilitators/",
        "links.csv",
    ],
)
def test_editor_pages_are_refused_to_others(seminar, phone_client, path):
    item = AgendaItem.objects.for_seminar(seminar).first()
    url = f"/s/{seminar.slug}/" + path.format(item=item.pk)

    assert phone_client.get(url).status_code == 302  # a participant's phone: to the login
    assert other_facilitator().get(url).status_code == 403


def test_changes_are_refused_to_another_seminars_facilitator(seminar):
    item = AgendaItem.objects.for_seminar(seminar).first()

    answer = other_facilitator().post(
        f"/s/{seminar.slug}/program/items/{item.pk}/remove/", {"confirm": "on"}
    )

    assert answer.status_code == 403
    assert "Kaffe" in titles(seminar)


def test_add_item_puts_it_in_time_order_and_tells_the_screens(facilitator_client, seminar):
    version = LiveState.objects.get_or_create(seminar=seminar)[0].version

    answer = facilitator_client.post(
        f"/s/{seminar.slug}/program/items/add/",
        {
            "new-day": "2026-03-05",
            "new-start": "08:30",
            "new-minutes": "10",
            "new-title": "Pause",
            "new-kind": "break",
        },
    )

    assert answer.status_code == 303
    assert titles(seminar) == ["Kaffe", "Velkommen", "Pause", "Gåtur", "Overraskelse", "God morgen"]
    assert LiveState.objects.get(seminar=seminar).version == version + 1


def test_add_item_with_bad_input_keeps_what_was_typed(facilitator_client, seminar):
    answer = facilitator_client.post(
        f"/s/{seminar.slug}/program/items/add/",
        {
            "new-day": "2026-03-05",
            "new-start": "25:99",
            "new-minutes": "10",
            "new-title": "Frokost",
            "new-kind": "meal",
        },
        HTTP_ACCEPT_LANGUAGE="da",
    )

    page = answer.content.decode()
    assert answer.status_code == 400
    assert 'value="Frokost"' in page
    assert "Indtast en gyldig tid." in page
    assert 'aria-invalid="true"' in page and 'aria-describedby="id_new-start_error"' in page
    assert "Frokost" not in titles(seminar)


def test_retiming_before_the_item_above_is_refused_with_the_imports_message(
    facilitator_client, seminar
):
    item = AgendaItem.objects.for_seminar(seminar).get(title="Gåtur")
    url = f"/s/{seminar.slug}/program/items/{item.pk}/"
    form = {
        "start": "07:30",
        "minutes": "45",
        "title": "Gåtur i parken",
        "kind": "offsite",
        "round": "1",
        "place": "Ved indgangen",
        "returns_at": "09:30",
    }

    answer = facilitator_client.post(url, form)

    page = answer.content.decode()
    assert answer.status_code == 400
    assert "start 07:30 er før starten på punktet ovenover (08:15" in page
    assert 'aria-describedby="id_start_error"' in page
    assert 'value="Gåtur i parken"' in page
    assert "Gåtur" in titles(seminar) and "Gåtur i parken" not in titles(seminar)


def test_edit_item_changes_kind_settings_texts_in_both_languages_and_hides_it(
    facilitator_client, seminar
):
    item = AgendaItem.objects.for_seminar(seminar).get(title="Velkommen")

    answer = facilitator_client.post(
        f"/s/{seminar.slug}/program/items/{item.pk}/",
        {
            "start": "08:20",
            "minutes": "40",
            "title": "Ølkassen",
            "title_en": "The soapbox",
            "kind": "soapbox",
            "round": "1",
            "speakers": "2",
            "prepare_minutes": "10",
            "text": "Tal",
            "text_en": "Speak",
            "secret": "on",
        },
    )

    assert answer.status_code == 303
    item.refresh_from_db()
    assert (
        item.title,
        item.title_en,
        item.kind,
        item.settings,
        item.secret,
        item.text_en,
        item.minutes,
    ) == (
        "Ølkassen",
        "The soapbox",
        "soapbox",
        {"speakers": 2, "prepare_minutes": 10},
        True,
        "Speak",
        40,
    )
    assert item.start.strftime("%H:%M") == "08:20"


def test_a_setting_of_another_kind_is_refused_at_its_field(facilitator_client, seminar):
    item = AgendaItem.objects.for_seminar(seminar).get(title="Velkommen")

    answer = facilitator_client.post(
        f"/s/{seminar.slug}/program/items/{item.pk}/",
        {
            "start": "08:15",
            "minutes": "30",
            "title": "Velkommen",
            "kind": "talk",
            "round": "1",
            "speakers": "3",
        },
    )

    assert answer.status_code == 400
    assert (
        "speakers er en indstilling for kind soapbox, ikke &#x27;talk&#x27;"
        in answer.content.decode()
    )


def test_move_swaps_places_and_times(facilitator_client, seminar):
    item = AgendaItem.objects.for_seminar(seminar).get(title="Gåtur")

    answer = facilitator_client.post(
        f"/s/{seminar.slug}/program/items/{item.pk}/move/", {"direction": "up"}
    )

    assert answer.status_code == 303
    assert answer["Location"].endswith(f"#item-{AgendaItem.objects.get(pk=item.pk).key}")
    assert titles(seminar) == ["Kaffe", "Gåtur", "Velkommen", "Overraskelse", "God morgen"]
    assert AgendaItem.objects.get(pk=item.pk).start.strftime("%H:%M") == "08:15"


def test_removing_an_item_with_contributions_asks_first(facilitator_client, seminar, participant):
    item = AgendaItem.objects.for_seminar(seminar).get(title="Velkommen")
    Idea.objects.create(
        item=item, author=participant, text="Mere kaffe", key="00000000-0000-0000-0000-000000000001"
    )
    url = f"/s/{seminar.slug}/program/items/{item.pk}/remove/"

    asked = facilitator_client.post(url, HTTP_ACCEPT_LANGUAGE="da")

    assert asked.status_code == 409
    assert "1 ide" in asked.content.decode().lower() or "1 idea" in asked.content.decode().lower()
    assert "Velkommen" in titles(seminar)
    assert facilitator_client.post(url, {"confirm": "on"}).status_code == 303
    assert "Velkommen" not in titles(seminar) and not Idea.objects.exists()


def test_removing_an_item_without_work_needs_no_confirmation(facilitator_client, seminar):
    item = AgendaItem.objects.for_seminar(seminar).get(title="Kaffe")

    answer = facilitator_client.post(f"/s/{seminar.slug}/program/items/{item.pk}/remove/")

    assert answer.status_code == 303
    assert titles(seminar) == ["Velkommen", "Gåtur", "Overraskelse", "God morgen"]


def test_add_day_then_a_second_day_of_the_same_date_is_refused(facilitator_client, seminar):
    url = f"/s/{seminar.slug}/program/days/add/"

    added = facilitator_client.post(
        url, {"day-date": "2026-03-07", "day-title": "Lørdag", "day-title_en": "Saturday"}
    )
    again = facilitator_client.post(url, {"day-date": "2026-03-07", "day-title": "Også lørdag"})

    assert added.status_code == 303
    assert list(seminar.days.values_list("title", "title_en")) == [
        ("Torsdag", ""),
        ("Fredag", ""),
        ("Lørdag", "Saturday"),
    ]
    assert again.status_code == 400
    assert "to dage har datoen 2026-03-07" in again.content.decode()
    assert 'value="Også lørdag"' in again.content.decode()


def test_an_empty_day_can_be_removed_and_a_day_with_items_cannot(facilitator_client, seminar):
    facilitator_client.post(
        f"/s/{seminar.slug}/program/days/add/", {"day-date": "2026-03-09", "day-title": "Mandag"}
    )

    emptied = facilitator_client.post(f"/s/{seminar.slug}/program/days/2026-03-09/remove/")
    kept = facilitator_client.post(f"/s/{seminar.slug}/program/days/2026-03-05/remove/")

    assert (emptied.status_code, kept.status_code) == (303, 303)
    assert list(seminar.days.values_list("title", flat=True)) == ["Torsdag", "Fredag"]
    assert (
        facilitator_client.post(f"/s/{seminar.slug}/program/days/not-a-date/remove/").status_code
        == 404
    )


def test_seminar_settings_are_saved_and_a_bad_colour_is_refused_at_its_field(
    facilitator_client, seminar
):
    url = f"/s/{seminar.slug}/program/seminar/"
    form = {
        "title": "Lederdag",
        "title_en": "Leaders' day",
        "goal_year": "2028",
        "homework": [],
        "colour": "#0b4f8a",
    }

    saved = facilitator_client.post(url, form)
    refused = facilitator_client.post(url, {**form, "title": "Anden titel", "colour": "blå"})

    seminar.refresh_from_db()
    assert saved.status_code == 303
    assert (seminar.title, seminar.title_en, seminar.goal_year, seminar.colour) == (
        "Lederdag",
        "Leaders' day",
        "2028",
        "#0b4f8a",
    )
    assert refused.status_code == 400
    assert 'aria-describedby="id_colour_helptext id_colour_error"' in refused.content.decode()
    assert 'value="Anden titel"' in refused.content.decode()
