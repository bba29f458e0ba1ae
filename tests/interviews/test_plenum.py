import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.test.utils import override_settings

from interviews import services
from interviews.models import Pick
from program import selectors as program_selectors
from program import services as program_services
from tests import factories
from tests.interviews.conftest import add_interview_items, save
from tests.pushes import Listener
from tests.sockets import screen

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> hx-get="/run/step/"'


def go_to(seminar, item):
    program_services.jump(seminar=seminar, version=program_selectors.live_state(seminar).version, item=item)


def projector_html(client, seminar) -> str:
    return client.get(f"/s/{seminar.slug}/projector/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


@pytest.fixture
def interviews(seminar, participant):
    others = [factories.participant(seminar, name=name) for name in ("Mette Navn", "Ole Skjult")]
    return [
        save(participant, who="Forælder til to", said="Dagplejen er god", tags=["confirming"]),
        save(others[0], who="Landmand", said="Skemaer overalt", tags=["strange", "surprising"], show_name=True),
        save(others[1], who="Ung iværksætter", said="Hurtig hjælp", tags=["surprising"], show_name=False),
    ]


def act(client, seminar, item, interview, action, **extra):
    return client.post(f"/s/{seminar.slug}/run/interviews/{item.pk}/{interview.pk}/", {"action": action, **extra})


def test_the_picker_filters_interviews_by_tag(facilitator_client, seminar, plenum_item, interviews):
    html = facilitator_client.get(f"/s/{seminar.slug}/run/interviews/?item={plenum_item.pk}&tag=surprising",
                                  HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "2 interviews" in html
    assert "Skemaer overalt" in html and "Hurtig hjælp" in html and "Dagplejen er god" not in html
    assert '<option value="surprising" selected>surprising (2)</option>' in html


def test_participants_and_projectors_cannot_pick(phone_client, projector_client, seminar, plenum_item, interviews):
    assert phone_client.get(f"/s/{seminar.slug}/run/interviews/").status_code == 302
    assert act(phone_client, seminar, plenum_item, interviews[0], "show").status_code == 302
    assert act(projector_client, seminar, plenum_item, interviews[0], "show").status_code == 302
    assert not Pick.objects.exists()


def test_a_picked_interview_shows_without_the_name_unless_agreed(facilitator_client, projector_client, seminar,
                                                                 plenum_item, interviews):
    go_to(seminar, plenum_item)

    act(facilitator_client, seminar, plenum_item, interviews[2], "show", tag="surprising")
    hidden_name = projector_html(projector_client, seminar)
    act(facilitator_client, seminar, plenum_item, interviews[1], "show", tag="strange")
    shown_name = projector_html(projector_client, seminar)

    assert "Hurtig hjælp" in hidden_name and "Ole Skjult" not in hidden_name and "Surprising" in hidden_name
    assert "Skemaer overalt" in shown_name and "Interviewed by <bdi>Mette Navn</bdi>" in shown_name
    assert "Hurtig hjælp" not in shown_name
    assert list(Pick.objects.filter(on_screen=True).values_list("interview__who", flat=True)) == ["Landmand"]


def test_a_plain_post_from_the_picker_returns_to_the_same_filter(facilitator_client, seminar, plenum_item,
                                                                 interviews):
    response = act(facilitator_client, seminar, plenum_item, interviews[1], "pick", tag="strange",
                   filter="surprising")

    assert response.status_code == 303
    assert response["Location"] == f"/s/{seminar.slug}/run/interviews/?item={plenum_item.pk}&tag=surprising"
    assert Pick.objects.get().tag == "strange"


def test_the_tablet_lists_the_picks_with_their_tag(facilitator_client, seminar, plenum_item, interviews):
    go_to(seminar, plenum_item)
    services.pick(item=plenum_item, interview=interviews[0], tag="confirming")

    tablet = facilitator_client.get(f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Interviews for the plenum" in tablet
    assert "<strong>Confirming:</strong> <span hx-disable>Forælder til to</span>" in tablet
    assert f'id="pick-show-{interviews[0].pk}"' in tablet


def test_taking_off_and_hiding_leave_the_projector(facilitator_client, projector_client, seminar, plenum_item,
                                                   interviews):
    go_to(seminar, plenum_item)
    services.show(item=plenum_item, interview=interviews[1])
    act(facilitator_client, seminar, plenum_item, interviews[1], "off")
    assert "Skemaer overalt" not in projector_html(projector_client, seminar)
    assert "De mest interessante interviews deles i plenum." in projector_html(projector_client, seminar)

    services.show(item=plenum_item, interview=interviews[1])
    act(facilitator_client, seminar, plenum_item, interviews[1], "hide")

    assert "Skemaer overalt" not in projector_html(projector_client, seminar)
    with pytest.raises(services.NotOpen):
        services.show(item=plenum_item, interview=interviews[1].__class__.objects.get(pk=interviews[1].pk))


def test_unpick_removes_the_pick(seminar, plenum_item, interviews):
    services.pick(item=plenum_item, interview=interviews[0], tag="confirming")

    services.unpick(item=plenum_item, interview=interviews[0])

    assert not Pick.objects.exists()


def test_picks_are_refused_for_another_kind_of_item(seminar, interviews):
    with pytest.raises(services.NotOpen):
        services.pick(item=factories.items(seminar)[0], interview=interviews[0], tag="")


def test_hostile_interview_text_shows_as_text_on_the_projector(facilitator_client, projector_client, seminar,
                                                               participant, plenum_item):
    interview = save(participant, who=HOSTILE, said=HOSTILE, quotes=HOSTILE, show_name=True)
    participant.name = HOSTILE
    participant.save()
    go_to(seminar, plenum_item)

    act(facilitator_client, seminar, plenum_item, interview, "show")
    html = projector_html(projector_client, seminar)

    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 4  # who, said, quote, name
    assert "<script>alert(1)" not in html and "<img src=x" not in html


@pytest.mark.django_db(transaction=True)
def test_showing_an_interview_reaches_the_projector_live():
    seminar = factories.seminar()
    _, plenum = add_interview_items(seminar, factories.grouping(seminar, "Borde"))
    interview = save(factories.participant(seminar), said="Kommunen lyttede faktisk")
    go_to(seminar, plenum)

    async def scenario():
        from django.test import Client

        client = Client()
        await database_sync_to_async(client.get)(f"/s/{seminar.slug}/display/{seminar.display_token}/")
        projector = screen(seminar.slug, "projector", client)
        await projector.connect()
        snapshot = await projector.receive_from(timeout=2)
        assert "Kommunen lyttede faktisk" not in snapshot
        await database_sync_to_async(services.show)(item=plenum, interview=interview, tag="interesting")
        frame = await projector.receive_from(timeout=2)
        assert 'class="projected-interview"' in frame and "Kommunen lyttede faktisk" in frame
        await projector.disconnect()

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
@override_settings(LANGUAGES=[("da", "Dansk")])
def test_the_projected_interview_is_pushed_while_its_item_is_on_and_hiding_takes_it_off():
    seminar = factories.seminar()
    tables, plenum = add_interview_items(seminar, factories.grouping(seminar, "Borde"))
    interview = save(factories.participant(seminar), said="Kommunen lyttede faktisk")
    go_to(seminar, tables)
    projector = Listener(seminar.pk, "projector-da")

    services.show(item=plenum, interview=interview)
    assert not any("Kommunen lyttede faktisk" in frame for frame in projector.frames(at_least=0))

    go_to(seminar, plenum)
    assert any("Kommunen lyttede faktisk" in frame for frame in projector.frames())
    services.set_hidden(interview=interview, hidden=True)

    [frame] = projector.frames()
    assert frame.startswith('<div id="projected-interview">')
    assert "Kommunen lyttede faktisk" not in frame
    assert "De mest interessante interviews deles i plenum." in frame
