"""Uploads: an HTML page dressed as a PNG is refused, and HTML hidden behind a real PNG is not
kept."""

import io
import uuid

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from program.models import Idea
from tests.program.tables import seat

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def send(client, item, name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    photo = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post(
        f"/s/{item.day.seminar.slug}/ideas/{item.pk}/send/",
        {"key": uuid.uuid4(), "text": "Plakaten", "photo": photo},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def bound(participant):
    from django.test import Client

    client = Client()
    client.get(f"/p/{participant.token}/")
    return client


def test_a_png_header_followed_by_html_is_refused_with_a_message(seminar, media):
    tables = seat(seminar, "brainstorm")

    response = send(bound(tables.people[0][0]), tables.item, "poster.png", PNG_SIGNATURE + HTML)

    assert response.status_code == 400
    assert "That file is not a photo we can use" in response.content.decode()
    assert Idea.objects.count() == 0
    assert not media.exists() or [p for p in media.rglob("*") if p.is_file()] == []


def test_html_after_a_real_png_is_dropped_by_the_re_encoding(seminar, media):
    tables = seat(seminar, "brainstorm")
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "PNG")

    response = send(bound(tables.people[0][0]), tables.item, "poster.png", out.getvalue() + HTML)

    idea = Idea.objects.get()
    stored = default_storage.open(idea.photo).read()
    assert response.status_code == 200
    assert stored.startswith(b"\xff\xd8") and b"<script" not in stored  # a JPEG of the pixels only
