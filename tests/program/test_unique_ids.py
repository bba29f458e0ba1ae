"""Every item of the reference seminar, on every screen: no element id twice on a page.

A duplicated id breaks label-for (a screen reader reads the wrong label, WCAG 1.3.1 and
4.1.2), htmx targets and live.js's swaps, which replace elements by id. The phone's page
is checked with its personal panel in it, as the browser shows it, for a participant, a
process leader and a member of top management.
"""

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from groups import services as group_services
from groups.models import Grouping
from program import services as program_services
from program.models import AgendaItem
from seminar.models import Participant
from seminar.roster import import_roster

ROSTER = Path(settings.BASE_DIR) / "fixtures" / "varde-2014-roster.csv"


class Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1


def repeated_ids(*pages: bytes) -> list[str]:
    parser = Ids()
    for page in pages:
        parser.feed(page.decode())
    return sorted(element_id for element_id, count in parser.ids.items() if count > 1)


def phone_client(person: Participant) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="da")
    assert client.get(f"/p/{person.token}/").status_code == 302
    return client


@pytest.mark.django_db
def test_no_screen_repeats_an_element_id_at_any_item(reference_seminar, facilitator_client):
    seminar = reference_seminar
    projector_client = Client(HTTP_ACCEPT_LANGUAGE="da")
    projector_client.get(f"/s/{seminar.slug}/display/{seminar.display_token}/")
    import_roster(seminar=seminar, data=ROSTER.read_bytes())
    for grouping in Grouping.objects.filter(seminar=seminar):
        for number in sorted(set(grouping.items.values_list("round_number", flat=True))):
            group_services.publish_round(
                round_=group_services.form_round(grouping=grouping, number=number, seed=7)
            )
    people = seminar.participants.order_by("name")
    phones = {
        role: phone_client(people.filter(role=role).first())
        for role in (
            Participant.Role.PARTICIPANT,
            Participant.Role.PROCESS_LEADER,
            Participant.Role.MANAGEMENT,
        )
    }

    repeated = {}
    for item in AgendaItem.objects.for_seminar(seminar):
        program_services.jump(seminar=seminar, version=None, item=item)
        screens = {
            "tablet": [facilitator_client.get(f"/s/{seminar.slug}/run/").content],
            "projector": [projector_client.get(f"/s/{seminar.slug}/projector/").content],
        }
        for role, client in phones.items():
            page = client.get(f"/s/{seminar.slug}/").content
            panel = client.get(f"/s/{seminar.slug}/panel/{item.pk}/")
            screens[f"phone ({role})"] = [page, panel.content if panel.status_code == 200 else b""]
        for screen, pages in screens.items():
            if found := repeated_ids(*pages):
                repeated[f"{item.kind} {item.title!r} on the {screen}"] = found
    assert not repeated, "\n".join(f"{where}: {', '.join(ids)}" for where, ids in repeated.items())
