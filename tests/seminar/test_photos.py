"""Photo checks with real files made here: good photos are re-encoded, bad files refused."""

import io
import os

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image

from seminar import photos


@pytest.fixture(autouse=True)
def english():
    """These tests read messages in English (the source language)."""
    with translation.override("en"):
        yield


def upload(
    data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def image_bytes(fmt: str, size=(64, 48), mode="RGB", color=(200, 40, 40), **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, format=fmt, **save)
    return out.getvalue()


def jpeg_with_location_and_rotation() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was held upright: turn 90° on display
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (55.0, 37.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (8.0, 29.0, 3.0)
    return image_bytes("JPEG", size=(80, 40), exif=exif)


def test_jpeg_with_location_is_stored_without_exif_and_upright(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    original = jpeg_with_location_and_rotation()
    assert (
        Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    )  # the test file has GPS

    stored = photos.store(photos.prepare(upload(original)), "photos/1")

    with default_storage.open(stored.name) as f:
        kept = Image.open(io.BytesIO(f.read()))
    assert kept.format == "JPEG"
    assert kept.size == (40, 80)
    assert (stored.width, stored.height) == (40, 80)
    assert dict(kept.getexif()) == {}
    assert kept.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert "exif" not in kept.info
    assert stored.name.startswith("photos/1/") and stored.name.endswith(".jpg")
    assert "photo.jpg" not in stored.name and len(stored.name.rsplit("/", 1)[1]) == 36


def test_big_photo_is_scaled_to_the_longest_side():
    prepared = photos.prepare(upload(image_bytes("PNG", size=(4000, 1000))))

    assert (prepared.width, prepared.height) == (2048, 512)
    assert Image.open(io.BytesIO(prepared.small)).size == (640, 160)


def test_transparent_png_becomes_a_jpeg_on_white():
    prepared = photos.prepare(
        upload(image_bytes("PNG", mode="RGBA", color=(0, 0, 0, 0)), "drawing.png")
    )

    kept = Image.open(io.BytesIO(prepared.full))
    assert kept.format == "JPEG"
    assert kept.getpixel((10, 10)) == (255, 255, 255)


def test_heic_from_an_iphone_is_converted_to_jpeg():
    heic = image_bytes("HEIF", size=(120, 90))
    assert heic[4:12] == b"ftypheic"

    prepared = photos.prepare(upload(heic, "IMG_0001.HEIC", "image/heic"))

    assert Image.open(io.BytesIO(prepared.full)).format == "JPEG"
    assert (prepared.width, prepared.height) == (120, 90)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (PNG_SIGNATURE + b"<html><script>alert(1)</script></html>", "photo.png"),
        (b"This is a text file, not a photo.\n" * 20, "photo.jpg"),
        (image_bytes("JPEG", size=(400, 300))[:600], "cut-off.jpg"),
        (image_bytes("GIF"), "funny.gif"),
        (image_bytes("BMP"), "old.bmp"),
        (b"", "empty.jpg"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(data, name):
    with pytest.raises(photos.PhotoRejected) as refused:
        photos.prepare(upload(data, name))

    assert (
        str(refused.value) == "That file is not a photo we can use. Send a JPEG, PNG or HEIC photo."
    )


def test_too_many_pixels_are_refused_before_decoding():
    huge = image_bytes("PNG", size=(8000, 6000), mode="1", color=0)  # 48 MP, a few kB on disk
    assert len(huge) < 100_000

    with pytest.raises(photos.PhotoRejected) as refused:
        photos.prepare(upload(huge, "huge.png"))

    assert str(refused.value) == "The photo has too many pixels (at most 40 megapixels)."


def test_decompression_bomb_is_refused():
    bomb = image_bytes("PNG", size=(20_000, 20_000), mode="1", color=0)  # 400 MP

    with pytest.raises(photos.PhotoRejected) as refused:
        photos.prepare(upload(bomb, "bomb.png"))

    assert "too many pixels" in str(refused.value)


def test_too_many_bytes_are_refused():
    noise = Image.frombytes("RGB", (2100, 2100), os.urandom(2100 * 2100 * 3))
    out = io.BytesIO()
    noise.save(out, format="PNG", compress_level=0)
    assert len(out.getvalue()) > photos.MAX_BYTES

    with pytest.raises(photos.PhotoRejected) as refused:
        photos.prepare(upload(out.getvalue(), "noise.png"))

    assert str(refused.value) == "The photo is too large (at most 12 MB)."
