"""What we say at home: commitments, management's message, the projector, the downloads."""

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest

from goals.commitments import calendar, services
from goals.models import Commitment, ManagementMessage
from goals.services import NotAllowed, Stale, show_on_projector
from tests.goals.conftest import go, phone_of


def commit(
    room, author, version=0, monday="Ring til formanden", share=False, messages=(), key=None
):
    return services.save_commitment(
        item=room.commitments,
        author=author,
        version=version,
        key=key or uuid.uuid4(),
        agreements="Vi mødes hver måned",
        monday=monday,
        share_monday=share,
        messages=list(messages),
    )


def test_commitment_keeps_messages_with_their_audience(room):
    commit(
        room,
        room.anna,
        messages=[("Vi skal samskabe", "Mine afdelingsledere"), ("Tak", "Direktionen")],
    )
    edited = commit(room, room.anna, version=1, messages=[("Kun én", "Teamet")])

    assert edited.version == 2
    assert list(edited.messages.values_list("position", "message", "audience")) == [
        (1, "Kun én", "Teamet")
    ]


def test_commitment_from_an_old_form_is_refused(room):
    commit(room, room.anna)
    commit(room, room.anna, version=1, monday="Nyere")

    with pytest.raises(Stale):
        commit(room, room.anna, version=1, monday="Ældre")

    assert Commitment.objects.get().monday == "Nyere"


def test_commitment_form_wants_an_audience_for_each_message(room):
    go(room.seminar, room.commitments)
    response = phone_of(room.anna).post(
        f"/s/{room.seminar.slug}/goals/commitments/{room.commitments.pk}/",
        {
            "key": str(uuid.uuid4()),
            "version": "0",
            "monday": "Møde",
            "message_1": "Budskab",
            "audience_2": "Alle",
        },
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Say to whom you give this message." in html and "Write the message for Alle." in html
    assert not Commitment.objects.exists()


def test_commitment_from_the_phone_is_idempotent(room):
    go(room.seminar, room.commitments)
    anna = phone_of(room.anna)
    data = {
        "key": str(uuid.uuid4()),
        "version": "0",
        "monday": "Møde med teamet",
        "message_1": "Vi samskaber",
        "audience_1": "Teamet",
    }

    first = anna.post(
        f"/s/{room.seminar.slug}/goals/commitments/{room.commitments.pk}/",
        data,
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    again = anna.post(
        f"/s/{room.seminar.slug}/goals/commitments/{room.commitments.pk}/",
        data,
        HTTP_HX_REQUEST="true",
    )

    assert (first.status_code, again.status_code) == (200, 200)
    assert Commitment.objects.get().version == 1 and Commitment.objects.get().messages.count() == 1


def test_only_management_records_managements_message(room):
    go(room.seminar, room.commitments)
    with pytest.raises(NotAllowed):
        services.save_management_message(
            item=room.commitments,
            author=room.anna,
            version=0,
            key=uuid.uuid4(),
            text="Ikke direktionen",
        )
    refused = phone_of(room.anna).post(
        f"/s/{room.seminar.slug}/goals/commitments/{room.commitments.pk}/management/",
        {
            "management-key": str(uuid.uuid4()),
            "management-version": "0",
            "management-text": "Kapret",
        },
    )
    saved = phone_of(room.dea).post(
        f"/s/{room.seminar.slug}/goals/commitments/{room.commitments.pk}/management/",
        {
            "management-key": str(uuid.uuid4()),
            "management-version": "0",
            "management-text": "Tak for to gode dage",
        },
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert refused.status_code == 403
    assert (
        saved.status_code == 200
        and "Saved. The facilitator can put it on the projector." in saved.content.decode()
    )
    assert list(ManagementMessage.objects.values_list("text", flat=True)) == [
        "Tak for to gode dage"
    ]


def test_management_panel_is_only_on_managements_phone(room):
    go(room.seminar, room.commitments)

    dea = (
        phone_of(room.dea)
        .get(f"/s/{room.seminar.slug}/panel/{room.commitments.pk}/")
        .content.decode()
    )
    anna = (
        phone_of(room.anna)
        .get(f"/s/{room.seminar.slug}/panel/{room.commitments.pk}/")
        .content.decode()
    )

    assert 'id="management-form"' in dea and 'id="management-form"' not in anna


def test_projector_shows_only_shared_and_visible_monday_actions(
    room, projector_client, facilitator_client
):
    commit(room, room.anna, monday="Delt handling", share=True)
    commit(room, room.bo, monday="Privat handling", share=False)
    hidden = commit(room, room.cai, monday="<i>Skjult handling</i>", share=True)
    go(room.seminar, room.commitments)
    show_on_projector(item=room.commitments, what="monday")
    facilitator_client.post(
        f"/s/{room.seminar.slug}/run/goals/commitments/{room.commitments.pk}/hide/{hidden.pk}/",
        {"hidden": "on"},
    )

    html = projector_client.get(f"/s/{room.seminar.slug}/projector/").content.decode()

    assert "Delt handling" in html
    assert "Privat handling" not in html and "Skjult handling" not in html
    assert room.anna.name not in html


def test_projector_shows_managements_message_as_text(room, projector_client):
    go(room.seminar, room.commitments)
    services.save_management_message(
        item=room.commitments,
        author=room.dea,
        version=0,
        key=uuid.uuid4(),
        text="<script>alert(1)</script>Tak",
    )
    show_on_projector(item=room.commitments, what="management")

    html = projector_client.get(f"/s/{room.seminar.slug}/projector/").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;Tak" in html and "<script>alert(1)" not in html


def test_commitments_of_one_leader_are_not_readable_by_another(room):
    commit(room, room.anna, monday="Annas mandag")

    own = (
        phone_of(room.anna).get(f"/s/{room.seminar.slug}/goals/commitments/mine/").content.decode()
    )
    other = phone_of(room.bo).get(f"/s/{room.seminar.slug}/goals/commitments/mine/")
    other_ics = phone_of(room.bo).get(f"/s/{room.seminar.slug}/goals/commitments/mine.ics")

    assert "Annas mandag" in own
    assert (other.status_code, other_ics.status_code) == (404, 404)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_calendar_reminder_is_monday_0800_local_with_an_alarm(room):
    commit(
        room,
        room.anna,
        monday="Ring til formanden, og book mødet; tak",
        messages=[("Vi samskaber", "Teamet")],
    )

    response = phone_of(room.anna).get(f"/s/{room.seminar.slug}/goals/commitments/mine.ics")

    body = response.content.decode()
    lines = unfold(body)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.endswith("\r\n") and all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-2:] == ["END:VCALENDAR", ""]
    fields = dict(
        line.split(":", 1) for line in lines if ":" in line and not line.startswith("DESCRIPTION")
    )
    start = dt.datetime.strptime(fields["DTSTART"], "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    local = start.astimezone(ZoneInfo("Europe/Copenhagen"))
    # The seminar's last day is Friday 6 March 2026: the reminder is Monday 9 March, 08:00.
    assert (local.date(), local.time(), local.strftime("%A")) == (
        dt.date(2026, 3, 9),
        dt.time(8, 0),
        "Monday",
    )
    assert (
        lines.count("BEGIN:VALARM") == 1 and "TRIGGER:-PT15M" in lines and "ACTION:DISPLAY" in lines
    )
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert (
        description
        == "DESCRIPTION:Ring til formanden\\, og book mødet\\; tak\\nTeamet: Vi samskaber"
    )
    assert [line for line in lines if line.startswith(("BEGIN:", "END:"))] == [
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "BEGIN:VALARM",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]


def test_monday_after_a_monday_is_a_week_later():
    assert calendar.monday_after(dt.date(2014, 10, 31)) == dt.date(2014, 11, 3)
    assert calendar.monday_after(dt.date(2014, 11, 3)) == dt.date(2014, 11, 10)


def test_long_lines_fold_without_splitting_letters():
    folded = calendar.fold("DESCRIPTION:" + "æøå" * 40)

    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + "æøå" * 40
