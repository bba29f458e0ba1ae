"""An interview the privacy check flags is saved, but held back from the room until fixed or
released."""

import io
import zipfile

from interviews.models import Interview, Pick
from program import selectors as program_selectors
from program import services as program_services
from tests.interviews.conftest import phone_of, save

FLAGGED = "Hun ringer tit. Mobil: 21-43-65-87, og hun bor på Torvet 3."


def go_to(seminar, item):
    program_services.jump(
        seminar=seminar, version=program_selectors.live_state(seminar).version, item=item
    )


def act(client, seminar, item, interview, action, **extra):
    return client.post(
        f"/s/{seminar.slug}/run/interviews/{item.pk}/{interview.pk}/", {"action": action, **extra}
    )


def test_a_flagged_interview_is_stored_as_flagged_and_told_to_its_author(seminar, people, tables):
    interview = save(people[1], said=FLAGGED)

    assert Interview.objects.get(pk=interview.pk).identifying == "phone address"
    html = phone_of(people[1]).get(
        f"/s/{seminar.slug}/homework/interview/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Held back from the room:" in html.content.decode()
    assert "a phone number, a street address" in html.content.decode()


def test_the_table_never_sees_a_flagged_interview_until_released(
    seminar, people, tables, tables_item, plenum_item, facilitator_client
):
    interview = save(people[1], said=FLAGGED)
    go_to(seminar, tables_item)

    before = (
        phone_of(people[0]).get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    act(facilitator_client, seminar, plenum_item, interview, "release")
    after = (
        phone_of(people[0]).get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )

    assert "21-43-65-87" not in before
    assert "21-43-65-87" in after and "Released by a facilitator" in after


def test_removing_the_data_lets_the_interview_reach_the_table(seminar, people, tables, tables_item):
    first = save(people[1], said=FLAGGED)
    save(people[1], said="Hun ringer tit, og hun bor midt i byen.", version=first.version)
    go_to(seminar, tables_item)

    html = (
        phone_of(people[0]).get(f"/s/{seminar.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )

    assert "hun bor midt i byen" in html
    assert Interview.objects.get(pk=first.pk).identifying == ""


def test_the_projector_never_shows_a_flagged_interview(
    seminar, participant, plenum_item, facilitator_client, projector_client
):
    interview = save(participant, said=FLAGGED)
    go_to(seminar, plenum_item)

    act(facilitator_client, seminar, plenum_item, interview, "show")
    projector = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()
    picker = facilitator_client.get(
        f"/s/{seminar.slug}/run/interviews/?item={plenum_item.pk}", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    status = facilitator_client.get(
        f"/s/{seminar.slug}/run/homework/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "21-43-65-87" not in projector
    assert not Pick.objects.filter(on_screen=True).exists()
    assert "Held back from the room:" in picker and f'id="release-{interview.pk}"' in picker
    assert f'id="show-{interview.pk}"' not in picker
    assert "1 held back: identifying data" in status

    act(facilitator_client, seminar, plenum_item, interview, "release")
    act(facilitator_client, seminar, plenum_item, interview, "show")
    assert "21-43-65-87" in projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()


def test_only_a_facilitator_can_release(seminar, participant, plenum_item, phone_client):
    interview = save(participant, said=FLAGGED)

    act(phone_client, seminar, plenum_item, interview, "release")

    assert Interview.objects.get(pk=interview.pk).released is False


def test_exports_redact_flagged_data_unless_the_facilitator_keeps_it(
    seminar, participant, facilitator_client
):
    save(participant, who="Pensionist, cpr 010203-1234", said=FLAGGED)

    page = facilitator_client.get(
        f"/s/{seminar.slug}/report/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    archive = zipfile.ZipFile(
        io.BytesIO(facilitator_client.get(f"/s/{seminar.slug}/report.zip").content)
    )
    csv = "".join(archive.read(name).decode() for name in archive.namelist())
    kept = zipfile.ZipFile(
        io.BytesIO(facilitator_client.get(f"/s/{seminar.slug}/report.zip?identifying=keep").content)
    )
    kept_csv = "".join(kept.read(name).decode() for name in kept.namelist())

    for text in (page, csv):
        assert "21-43-65-87" not in text and "Torvet 3" not in text and "010203-1234" not in text
        assert "Hun ringer tit. Mobil: [" in text
    assert "identifying data removed" in page
    assert "21-43-65-87" in kept_csv and "010203-1234" in kept_csv
