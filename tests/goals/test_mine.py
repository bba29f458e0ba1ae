"""My things: a participant's own writing on one phone page, during and after the seminar."""

import datetime as dt
import uuid

from django.test import Client

from program import selectors
from program import services as program_services
from program.soapbox import writing
from tests import factories
from tests.program.soapbox_room import make_room


def phone_of(participant) -> Client:
    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


def page(client, seminar) -> str:
    return client.get(f"/s/{seminar.slug}/mine/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_my_speech_and_newest_action_plan_are_there_after_the_block_and_after_the_seminar(seminar):
    room = make_room(seminar, groups=1, members=2)
    author = room.tables[0].members[0]
    writing.save_draft(
        item=room.item,
        author=author,
        version=0,
        parts={
            "message": "Vi lytter først",
            "reason": "",
            "strengths": "",
            "actions": "",
            "consequences": "",
        },
    )
    for what in ("Første udkast", "Tale på personalemødet"):
        writing.save_action_plan(
            item=room.item,
            author=author,
            key=uuid.uuid4(),
            steps=[writing.Step(what, "Min stedfortræder", dt.date(2026, 4, 1))],
        )
    phone = phone_of(author)
    last = factories.items(seminar)[-1]
    program_services.jump(seminar=seminar, version=selectors.live_state(seminar).version, item=last)

    html = page(phone, seminar)

    assert "What is your message?</h3><p>Vi lytter først</p>" in html
    assert "Tale på personalemødet · with Min stedfortræder · by 1. April 2026" in html
    assert "Første udkast" not in html  # an older version of the plan
    assert (
        'href="/s/%s/mine/" id="my-things-link"' % seminar.slug
        in phone.get(f"/s/{seminar.slug}/").content.decode()
    )


def test_my_things_are_mine_alone(seminar):
    room = make_room(seminar, groups=1, members=2)
    author, other = room.tables[0].members[:2]
    writing.save_draft(
        item=room.item,
        author=author,
        version=0,
        parts={
            "message": "Privat tale",
            "reason": "",
            "strengths": "",
            "actions": "",
            "consequences": "",
        },
    )

    assert "Privat tale" not in page(phone_of(other), seminar)
    assert "Nothing yet" in page(phone_of(other), seminar)
    assert Client().get(f"/s/{seminar.slug}/mine/").status_code == 403
