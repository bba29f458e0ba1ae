"""The co-creation case: homework, the facilitator's list, the poster, the pick, analysis,
takeaways."""

import csv
import io
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from goals.cases import services
from goals.models import Case, CaseAnalysis, CasePick, PosterNote, Takeaway
from goals.services import NotAllowed, Stale, show_on_projector
from seminar import links
from tests.goals.conftest import go, phone_of
from tests.sockets import screen

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def save_case(author, version=0, title="Frivillige i Ølgod", key=None, **fields):
    data = {
        "what_happened": "Vi inviterede foreningerne",
        "partners": ["associations"],
        "partners_other": "",
        "achieved": "",
        "themes": "tillid",
        **fields,
    }
    return services.save_case(
        author=author, version=version, key=key or uuid.uuid4(), title=title, **data
    )


def test_case_is_one_per_participant_and_edits_bump_the_version(room):
    save_case(room.anna)
    edited = save_case(room.anna, version=1, title="Nyt navn")

    assert (Case.objects.count(), edited.version, edited.title) == (1, 2, "Nyt navn")


def test_case_save_on_an_older_version_is_refused(room):
    save_case(room.anna)
    save_case(room.anna, version=1, title="Fra telefonen")

    with pytest.raises(Stale) as refused:
        save_case(room.anna, version=1, title="Fra computeren")

    assert refused.value.current.title == "Fra telefonen"


def test_case_form_saves_through_the_personal_link_and_a_retry_is_harmless(room):
    anna = phone_of(room.anna)
    page = anna.get(
        f"/s/{room.seminar.slug}/goals/case/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    key = page.split('name="key" value="', 1)[1].split('"', 1)[0]
    data = {
        "key": key,
        "version": "0",
        "title": "Borgerbudget",
        "what_happened": "Borgerne stemte",
        "partners": ["citizens", "businesses"],
        "partners_other": "Skolen",
    }

    first = anna.post(
        f"/s/{room.seminar.slug}/goals/case/",
        data,
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    retried = anna.post(f"/s/{room.seminar.slug}/goals/case/", data, HTTP_HX_REQUEST="true")

    assert "your case is handed in" in first.content.decode()
    assert retried.status_code == 200
    case = Case.objects.get()
    assert (case.version, case.partners, case.partners_other) == (
        1,
        ["citizens", "businesses"],
        "Skolen",
    )


def test_case_form_needs_a_title_and_what_happened(room):
    response = phone_of(room.anna).post(
        f"/s/{room.seminar.slug}/goals/case/",
        {"key": str(uuid.uuid4()), "version": "0", "title": "  "},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert "Give your case a title." in response.content.decode()
    assert "Tell briefly what happened in your case." in response.content.decode()
    assert not Case.objects.exists()


def test_case_form_is_closed_without_a_personal_link(room, client):
    assert client.get(f"/s/{room.seminar.slug}/goals/case/").status_code == 403


def test_homework_link_says_whether_the_case_is_handed_in(room):
    from django.template.loader import render_to_string

    save_case(room.anna)
    context = {"seminar": room.seminar}
    with_case = render_to_string("goals/homework_link.html", {**context, "participant": room.anna})
    without = render_to_string("goals/homework_link.html", {**context, "participant": room.bo})

    assert f'href="/s/{room.seminar.slug}/goals/case/"' in with_case
    assert "status-present" in with_case and "status-absent" in without


def test_facilitator_sees_who_handed_in_and_downloads_who_has_not(room, facilitator_client):
    save_case(room.anna, title="Annas case")
    room.bo.name = '=HYPERLINK("http://evil")'
    room.bo.save()

    page = facilitator_client.get(
        f"/s/{room.seminar.slug}/goals/homework/", HTTP_ACCEPT_LANGUAGE="en"
    )
    download = facilitator_client.get(
        f"/s/{room.seminar.slug}/goals/homework/missing.csv", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "1 of 4 have handed in their case." in page.content.decode()
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Name", "Department", "E-mail", "Personal link"]
    assert sorted((row[0], row[3]) for row in rows[1:]) == [
        ('\'=HYPERLINK("http://evil")', links.personal_link(room.bo)),
        ("Cai Leder", links.personal_link(room.cai)),
        ("Dea Direktør", links.personal_link(room.dea)),
    ]


def test_homework_pages_are_for_facilitators_only(room):
    anna = phone_of(room.anna)

    assert anna.get(f"/s/{room.seminar.slug}/goals/homework/").status_code == 302
    assert anna.get(f"/s/{room.seminar.slug}/goals/homework/missing.csv").status_code == 302


def test_group_members_see_their_groups_cases_and_not_others(room):
    save_case(room.anna, title="Annas case")
    save_case(room.cai, title="Cais case")
    go(room.seminar, room.cases)

    html = phone_of(room.bo).get(f"/s/{room.seminar.slug}/").content.decode()

    assert "Annas case" in html and "Cais case" not in html


def test_poster_note_goes_to_the_group_once_per_key(room):
    key = uuid.uuid4()
    note = services.add_poster_note(
        item=room.cases, author=room.bo, kind="practice", text="Spørg først", key=key
    )
    again = services.add_poster_note(
        item=room.cases, author=room.bo, kind="practice", text="Spørg først", key=key
    )

    assert note == again and note.group == room.big[0]
    assert PosterNote.objects.count() == 1


def test_poster_note_view_gives_clear_errors(room):
    go(room.seminar, room.cases)
    response = phone_of(room.bo).post(
        f"/s/{room.seminar.slug}/goals/cases/{room.cases.pk}/note/",
        {"key": str(uuid.uuid4()), "kind": "theme", "text": "x" * 281},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert "Keep it under 280 characters (now 281)." in response.content.decode()


def test_hidden_poster_note_leaves_the_group_and_the_projector(
    room, facilitator_client, projector_client
):
    note = services.add_poster_note(
        item=room.cases, author=room.bo, kind="theme", text="Skjul mig", key=uuid.uuid4()
    )
    go(room.seminar, room.cases)
    show_on_projector(item=room.cases, what="poster", ref=room.big[0].pk)
    assert (
        "Skjul mig" in projector_client.get(f"/s/{room.seminar.slug}/projector/").content.decode()
    )

    facilitator_client.post(f"/s/{room.seminar.slug}/run/goals/notes/{note.pk}/hide/")

    assert (
        "Skjul mig"
        not in projector_client.get(f"/s/{room.seminar.slug}/projector/").content.decode()
    )
    assert "Skjul mig" not in phone_of(room.anna).get(f"/s/{room.seminar.slug}/").content.decode()


def test_only_the_process_leader_picks_and_only_a_members_case(room):
    bos = save_case(room.bo)
    cais = save_case(room.cai)

    with pytest.raises(NotAllowed):
        services.pick_case(item=room.cases, group=room.big[0], case=bos, by=room.bo)
    with pytest.raises(NotAllowed):
        services.pick_case(item=room.cases, group=room.big[0], case=cais, by=room.anna)
    pick = services.pick_case(item=room.cases, group=room.big[0], case=bos, by=room.anna)

    assert (pick.case, CasePick.objects.count()) == (bos, 1)


def test_leader_picks_from_the_phone(room):
    bos = save_case(room.bo, title="Bos case")
    go(room.seminar, room.cases)

    response = phone_of(room.anna).post(
        f"/s/{room.seminar.slug}/goals/cases/{room.cases.pk}/pick/",
        {"case": bos.pk},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    refused = phone_of(room.bo).post(
        f"/s/{room.seminar.slug}/goals/cases/{room.cases.pk}/pick/",
        {"case": bos.pk},
        HTTP_HX_REQUEST="true",
    )

    assert "Picked." in response.content.decode()
    assert refused.status_code == 403
    assert CasePick.objects.get().case == bos


def test_analysis_typed_by_the_facilitator_shows_on_the_projector_as_text(
    room, facilitator_client, projector_client
):
    bos = save_case(room.bo, title="Bos case")
    services.pick_case(item=room.cases, group=room.big[0], case=bos)
    go(room.seminar, room.cases)
    url = f"/s/{room.seminar.slug}/run/goals/cases/{room.cases.pk}/analysis/{room.big[0].pk}/"
    page = facilitator_client.get(url).content.decode()
    key = page.split('name="key" value="', 1)[1].split('"', 1)[0]

    response = facilitator_client.post(
        url,
        {
            "key": key,
            "version": "0",
            "went_well": HOSTILE,
            "could_be_better": "Tid",
            "how": "Før",
            "then": "show",
        },
    )
    html = projector_client.get(f"/s/{room.seminar.slug}/projector/").content.decode()

    assert response.status_code == 303
    assert CaseAnalysis.objects.get().went_well == HOSTILE
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        and "<script>alert(1)" not in html
        and "Bos case" in html
    )


def test_a_participant_cannot_write_the_analysis(room):
    bos = save_case(room.bo)
    services.pick_case(item=room.cases, group=room.big[0], case=bos)
    url = f"/s/{room.seminar.slug}/run/goals/cases/{room.cases.pk}/analysis/{room.big[0].pk}/"

    response = phone_of(room.anna).post(
        url, {"key": str(uuid.uuid4()), "version": "0", "went_well": "Kapret"}
    )

    assert response.status_code == 302 and not CaseAnalysis.objects.exists()


def test_takeaway_is_private_to_its_author(room, facilitator_client):
    go(room.seminar, room.cases)
    services.save_takeaway(
        item=room.cases, author=room.anna, version=0, key=uuid.uuid4(), text="Mit hemmelige notat"
    )

    own = phone_of(room.anna).get(f"/s/{room.seminar.slug}/panel/{room.cases.pk}/").content.decode()
    other = phone_of(room.bo).get(f"/s/{room.seminar.slug}/panel/{room.cases.pk}/").content.decode()
    other_page = phone_of(room.bo).get(f"/s/{room.seminar.slug}/").content.decode()
    tablet = facilitator_client.get(f"/s/{room.seminar.slug}/run/").content.decode()

    assert "Mit hemmelige notat" in own
    assert all("Mit hemmelige notat" not in html for html in (other, other_page, tablet))


def test_takeaway_saved_twice_from_an_old_form_is_refused(room):
    services.save_takeaway(
        item=room.cases, author=room.anna, version=0, key=uuid.uuid4(), text="Først"
    )
    services.save_takeaway(
        item=room.cases, author=room.anna, version=1, key=uuid.uuid4(), text="Så"
    )

    with pytest.raises(Stale):
        services.save_takeaway(
            item=room.cases, author=room.anna, version=1, key=uuid.uuid4(), text="Gammel"
        )

    assert Takeaway.objects.get().text == "Så"


@pytest.mark.django_db(transaction=True)
def test_a_poster_note_reaches_the_groups_phones_live(room):
    go(room.seminar, room.cases)
    anna = phone_of(room.anna)

    async def scenario():
        phone = screen(room.seminar.slug, "participant", anna)
        await phone.connect()
        snapshot = await phone.receive_from(timeout=2)
        assert 'id="case-group"' in snapshot
        await database_sync_to_async(services.add_poster_note)(
            item=room.cases, author=room.bo, kind="theme", text="Tillid tager tid", key=uuid.uuid4()
        )
        frame = await phone.receive_from(timeout=2)
        await phone.disconnect()
        return frame

    frame = async_to_sync(scenario)()

    assert frame.startswith('<section id="case-group"') and "<li>Tillid tager tid</li>" in frame


@pytest.mark.django_db(transaction=True)
def test_the_projected_poster_follows_its_own_groups_notes_live(room, projector_client):
    go(room.seminar, room.cases)
    show_on_projector(item=room.cases, what="poster", ref=room.big[0].pk)

    async def scenario():
        projector = screen(room.seminar.slug, "projector", projector_client)
        await projector.connect()
        snapshot = await projector.receive_from(timeout=2)
        add = database_sync_to_async(services.add_poster_note)
        await add(
            item=room.cases, author=room.cai, kind="theme", text="Gruppe 2s tema", key=uuid.uuid4()
        )
        other_group = await projector.receive_nothing(timeout=0.5)
        await add(
            item=room.cases, author=room.bo, kind="theme", text="Tillid tager tid", key=uuid.uuid4()
        )
        frame = await projector.receive_from(timeout=2)
        await projector.disconnect()
        return snapshot, other_group, frame

    snapshot, other_group, frame = async_to_sync(scenario)()

    assert '<section id="cases-projected" class="projected-poster"' in snapshot
    assert other_group
    assert frame.startswith('<section id="cases-projected" class="projected-poster"')
    assert "<li>Tillid tager tid</li>" in frame and "Gruppe 2s tema" not in frame
