"""A failed upload leaves no file: a full disk mid-upload, or a row that is not saved."""

import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from PIL import Image

from program.ideas import services
from program.models import Idea
from seminar import photos
from seminar.models import Participant
from tests.program.tables import seat
from tests.seminar.full_disk import FullDiskStorage

FULL_DISK = {"BACKEND": "tests.seminar.full_disk.FullDiskStorage"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def brainstorm(seminar):
    return seat(seminar, "brainstorm")


def jpeg() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(out, format="JPEG")
    return SimpleUploadedFile("IMG_0001.jpg", out.getvalue(), content_type="image/jpeg")


def files_in(media) -> list[str]:
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())


def full_disk(settings, room: int) -> None:
    settings.STORAGES = {**settings.STORAGES, "default": FULL_DISK}
    FullDiskStorage.budget = room


@pytest.mark.parametrize("room", [0, 2_000, 10**9 // 2], ids=["empty", "mid-photo", "mid-copy"])
def test_a_full_disk_refuses_the_photo_with_a_message_keeps_the_text_and_leaves_no_file(
    brainstorm, seminar, settings, media, room
):
    full_copy = len(photos.prepare(jpeg()).full)
    full_disk(settings, room if room < 10**6 else full_copy + 100)  # the last: the small copy fails
    phone = _phone(brainstorm)

    response = phone.post(
        f"/s/{seminar.slug}/ideas/{brainstorm.item.pk}/send/",
        {"key": str(uuid.uuid4()), "text": "Tavle i kantinen", "photo": jpeg()},
        HTTP_HX_REQUEST="true",
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Billedet kunne ikke gemmes lige nu. Din tekst er bevaret" in page
    assert "Tavle i kantinen" in page
    assert Idea.objects.count() == 0
    assert files_in(media) == []


@pytest.mark.django_db(transaction=True)  # the foreign key is checked when the idea commits
def test_a_photo_whose_idea_is_not_saved_is_removed(brainstorm, media):
    author = brainstorm.people[0][0]
    Participant.objects.filter(pk=author.pk).delete()  # removed by a facilitator while sending

    with pytest.raises(IntegrityError):
        services.submit_idea(
            item=brainstorm.item, author=author, text="Idé", photo=jpeg(), key=uuid.uuid4()
        )

    assert files_in(media) == []


def _phone(brainstorm):
    from django.test import Client

    client = Client()
    client.get(f"/p/{brainstorm.people[0][0].token}/")
    return client
