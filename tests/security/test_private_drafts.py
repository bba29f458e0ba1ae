"""A speech draft is its author's alone until shared: no other phone, screen or report shows it."""

import io
import zipfile

from django.test import Client

from program.soapbox import writing
from tests.program.soapbox_room import make_room

SECRET = "PRIVATE-DRAFT-MARK"


def phone(person) -> Client:
    client = Client()
    client.get(f"/p/{person.token}/")
    return client


def unzipped(content: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [archive.read(name).decode("utf-8-sig") for name in archive.namelist()]


def test_a_private_speech_draft_reaches_no_one_but_its_author(
    seminar, facilitator_client, projector_client
):
    room = make_room(seminar)
    table = room.tables[0]
    author = table.members[0]
    writing.save_draft(item=room.item, author=author, version=0, parts={"message": SECRET})
    slug, draft = seminar.slug, f"/s/{seminar.slug}/soapbox/{room.item.pk}/slot/draft/"
    others = [table.members[1], table.leader, room.tables[1].members[0]]

    mine = phone(author).get(draft, HTTP_HX_REQUEST="true").content.decode()
    seen_by_others = [
        phone(person).get(page).content.decode()
        for person in others
        for page in (f"/s/{slug}/", draft)
    ]
    seen_by_others += [
        facilitator_client.get(f"/s/{slug}/run/").content.decode(),
        facilitator_client.get(f"/s/{slug}/report/").content.decode(),
        *unzipped(facilitator_client.get(f"/s/{slug}/report.zip").content),
        projector_client.get(f"/s/{slug}/projector/").content.decode(),
    ]

    assert SECRET in mine
    assert [n for n, page in enumerate(seen_by_others) if SECRET in page] == []
