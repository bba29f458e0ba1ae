import io
import threading
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from program.ideas import selectors, services
from program.models import Idea, IdeaWall
from seminar import live
from seminar.live import publishing
from seminar.submissions import PACE_LIMIT, TooFast
from tests import factories
from tests.program.tables import seat
from tests.sockets import screen

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> hx-get="/run/step/"'


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def brainstorm(seminar):
    return seat(seminar, "brainstorm")


def jpeg(size=(120, 80), name="mindmap.jpg") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, format="JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def send(tables, author, text="Kulturnat om visionen", key=None, photo=None):
    return services.submit_idea(item=tables.item, author=author, text=text, photo=photo, key=key or uuid.uuid4())


def client_for(participant) -> Client:
    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


def test_idea_belongs_to_its_author_and_table(brainstorm):
    author = brainstorm.people[1][0]

    idea = send(brainstorm, author)

    assert (idea.author, idea.group, idea.text) == (author, brainstorm.groups[1], "Kulturnat om visionen")


def test_idea_sent_twice_with_the_same_key_is_stored_once_with_one_photo(brainstorm, media):
    key, author = uuid.uuid4(), brainstorm.people[0][0]

    first = send(brainstorm, author, key=key, photo=jpeg())
    again = send(brainstorm, author, key=key, photo=jpeg())

    assert first == again
    assert Idea.objects.count() == 1
    assert len([p for p in media.rglob("*.jpg")]) == 2  # the photo and its small copy, once


def test_ideas_are_refused_for_another_kind_of_item(seminar, participant):
    coffee = factories.items(seminar)[0]

    with pytest.raises(services.NotOpen):
        services.submit_idea(item=coffee, author=participant, text="x", key=uuid.uuid4())


def test_too_many_ideas_too_fast_are_refused(brainstorm):
    author = brainstorm.people[0][0]
    for _ in range(PACE_LIMIT):
        send(brainstorm, author)

    with pytest.raises(TooFast):
        send(brainstorm, author)


def test_phone_sends_an_idea_with_a_photo_and_gets_a_fresh_form(brainstorm, seminar):
    phone = client_for(brainstorm.people[0][0])
    panel = phone.get(f"/s/{seminar.slug}/panel/{brainstorm.item.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    key = panel.split('name="key" value="', 1)[1].split('"', 1)[0]
    # Any photo: not only the camera (`capture` would hide the phone's gallery on many Androids).
    assert 'accept="image/*" aria-describedby' in panel and "capture" not in panel

    response = phone.post(f"/s/{seminar.slug}/ideas/{brainstorm.item.pk}/send/",
                          {"key": key, "text": "Plakat i hver afdeling", "photo": jpeg()},
                          HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")

    idea = Idea.objects.get()
    assert "your idea is on the wall" in response.content.decode()
    assert key not in response.content.decode()
    assert (idea.text, idea.photo_width, idea.photo_height) == ("Plakat i hver afdeling", 120, 80)
    photo = phone.get(f"/s/{seminar.slug}/photos/{idea.pk}/")
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/jpeg"
    assert photo["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(b"".join(photo.streaming_content))).size == (120, 80)


def test_sending_to_a_missing_item_or_without_a_link_is_refused_and_stores_nothing(brainstorm, seminar):
    other = factories.seminar(slug="andet-seminar")

    def send_to(client, slug, item_id):
        return client.post(f"/s/{slug}/ideas/{item_id}/send/", {"key": str(uuid.uuid4()), "text": "Idé"},
                           HTTP_HX_REQUEST="true")

    phone = client_for(brainstorm.people[0][0])

    assert send_to(phone, seminar.slug, 999999).status_code == 404
    assert send_to(phone, other.slug, brainstorm.item.pk).status_code == 403  # not their seminar
    assert send_to(Client(), seminar.slug, brainstorm.item.pk).status_code == 403
    assert send_to(Client(), seminar.slug, 999999).status_code == 403
    assert send_to(phone, "intet-seminar", brainstorm.item.pk).status_code == 404
    assert not Idea.objects.exists()


def test_bad_photo_is_refused_with_a_message_and_the_text_is_kept(brainstorm, seminar):
    phone = client_for(brainstorm.people[0][0])
    fake = SimpleUploadedFile("photo.jpg", b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script>", "image/jpeg")

    response = phone.post(f"/s/{seminar.slug}/ideas/{brainstorm.item.pk}/send/",
                          {"key": str(uuid.uuid4()), "text": "Min tegning", "photo": fake},
                          HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert response.status_code == 400
    assert "That file is not a photo we can use. Send a JPEG, PNG or HEIC photo." in html
    assert ">Min tegning</textarea>" in html
    assert not Idea.objects.exists()


@pytest.mark.parametrize(("text", "message"), [("   ", "Write your idea first."),
                                              ("x" * 501, "Keep it under 500 characters")])
def test_empty_or_long_idea_gets_a_clear_message(brainstorm, seminar, text, message):
    phone = client_for(brainstorm.people[0][0])

    response = phone.post(f"/s/{seminar.slug}/ideas/{brainstorm.item.pk}/send/",
                          {"key": str(uuid.uuid4()), "text": text}, HTTP_HX_REQUEST="true",
                          HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Idea.objects.exists()


def test_a_participant_cannot_hide_feature_or_pause(brainstorm, seminar):
    author = brainstorm.people[0][0]
    idea = send(brainstorm, author)
    phone = client_for(author)

    for action in ("hide", "feature"):
        assert phone.post(f"/s/{seminar.slug}/run/ideas/{idea.pk}/", {"action": action}).status_code == 302
    assert phone.post(f"/s/{seminar.slug}/run/ideas/wall/{brainstorm.item.pk}/",
                      {"action": "pause"}).status_code == 302

    idea.refresh_from_db()
    assert (idea.hidden, idea.featured) == (False, False)
    assert not IdeaWall.objects.filter(item=brainstorm.item, paused=True).exists()


def test_hidden_idea_leaves_wall_and_table_and_its_photo_is_for_facilitators_only(
        brainstorm, seminar, facilitator_client, projector_client):
    author = brainstorm.people[0][0]
    idea = send(brainstorm, author, "Skjul mig", photo=jpeg())
    phone = client_for(author)
    assert "Skjul mig" in projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()

    facilitator_client.post(f"/s/{seminar.slug}/run/ideas/{idea.pk}/", {"action": "hide"})

    assert "Skjul mig" not in projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()
    assert "Skjul mig" not in phone.get(f"/s/{seminar.slug}/").content.decode()
    assert phone.get(f"/s/{seminar.slug}/photos/{idea.pk}/").status_code == 404
    assert projector_client.get(f"/s/{seminar.slug}/photos/{idea.pk}/small/").status_code == 404
    assert facilitator_client.get(f"/s/{seminar.slug}/photos/{idea.pk}/").status_code == 200


def test_photo_is_not_served_to_strangers(brainstorm):
    idea = send(brainstorm, brainstorm.people[0][0], photo=jpeg())
    other_seminar = factories.seminar()
    outsider = client_for(factories.participant(other_seminar))

    assert Client().get(f"/s/{brainstorm.item.day.seminar.slug}/photos/{idea.pk}/").status_code == 404
    assert outsider.get(f"/s/{brainstorm.item.day.seminar.slug}/photos/{idea.pk}/").status_code == 404
    assert outsider.get(f"/s/{other_seminar.slug}/photos/{idea.pk}/").status_code == 404


def test_paused_wall_keeps_new_ideas_until_it_resumes(brainstorm, seminar, facilitator_client, projector_client):
    author = brainstorm.people[0][0]
    send(brainstorm, author, "Før pausen")
    facilitator_client.post(f"/s/{seminar.slug}/run/ideas/wall/{brainstorm.item.pk}/", {"action": "pause"})
    send(brainstorm, author, "Under pausen")

    paused = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()
    tablet = facilitator_client.get(f"/s/{seminar.slug}/run/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    facilitator_client.post(f"/s/{seminar.slug}/run/ideas/wall/{brainstorm.item.pk}/", {"action": "resume"})
    resumed = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()

    assert "Før pausen" in paused and "Under pausen" not in paused
    assert "The wall is paused: 1 new idea waits." in tablet
    assert "Før pausen" in resumed and "Under pausen" in resumed


def test_featured_idea_is_shown_large_on_the_wall(brainstorm, seminar, facilitator_client, projector_client):
    idea = send(brainstorm, brainstorm.people[0][0], "Den bedste")

    facilitator_client.post(f"/s/{seminar.slug}/run/ideas/{idea.pk}/", {"action": "feature"})

    assert f'<article class="idea is-featured" id="wall-idea-{idea.pk}"' in projector_client.get(
        f"/s/{seminar.slug}/projector/").content.decode()


def test_hostile_idea_shows_as_text_on_the_projector_wall(brainstorm, seminar, projector_client):
    send(brainstorm, brainstorm.people[0][0], HOSTILE)

    html = projector_client.get(f"/s/{seminar.slug}/projector/").content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html


def test_table_members_see_their_tables_ideas_only(brainstorm, seminar):
    send(brainstorm, brainstorm.people[0][0], "Fra bord 1")
    send(brainstorm, brainstorm.people[1][0], "Fra bord 2")

    html = client_for(brainstorm.people[0][1]).get(f"/s/{seminar.slug}/").content.decode()

    assert "Fra bord 1" in html.split('id="table-ideas"', 1)[1]
    assert "Fra bord 2" not in html.split('id="table-ideas"', 1)[1].split("</section>", 1)[0]


@pytest.mark.django_db(transaction=True)
def test_a_new_idea_reaches_the_projector_wall_and_a_hidden_one_leaves_it(seminar):
    tables = seat(seminar, "brainstorm")
    projector_client = Client()
    projector_client.get(f"/s/{seminar.slug}/display/{seminar.display_token}/")

    async def scenario():
        projector = screen(seminar.slug, "projector", projector_client)
        await projector.connect()
        snapshot = await projector.receive_from(timeout=2)
        assert 'id="idea-wall"' in snapshot
        idea = await database_sync_to_async(send)(tables, tables.people[0][0], "Live idé")
        frame = await projector.receive_from(timeout=2)
        assert frame.startswith('<section id="idea-wall"') and "Live idé" in frame
        await database_sync_to_async(services.hide_idea)(idea=idea)
        frame = await projector.receive_from(timeout=2)
        assert frame.startswith('<section id="idea-wall"') and "Live idé" not in frame
        await projector.disconnect()

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_ideas_renders_the_wall_once_per_backlog_not_once_per_idea(
        seminar, server_loop, monkeypatch, settings):
    """The wall's pushes coalesce (live.publish_latest): while the renderer is busy, the
    ideas that arrive make one render of the newest wall, not one each."""
    settings.LIVE_LATEST_EVERY_SECONDS = 0
    brainstorm = seat(seminar, "brainstorm", sizes=(3, 3))
    live._renderer.submit(int).result(10)  # the room's frames for the item going on are out
    monkeypatch.setattr(publishing, "listening", lambda _, names: [True] * len(names))
    walls = []
    wall = selectors.wall
    monkeypatch.setattr(selectors, "wall", lambda item: walls.append(Idea.objects.count()) or wall(item))
    busy = threading.Event()
    live._renderer.submit(busy.wait, 10)

    authors = [person for people in brainstorm.people for person in people]
    for number in range(30):
        send(brainstorm, authors[number % len(authors)], text=f"Idé {number}")
    busy.set()
    live._renderer.submit(int).result(10)

    assert walls == [30]  # one render, of the wall with every idea
