"""Photos from phones: checked by content, re-encoded, stored under a random name.

Every uploaded photo goes through `prepare()`: the bytes are capped, the type is read
from the content (never the file name or the browser's content type), the pixel count
is capped before anything is decoded (a decompression bomb is refused, not opened),
and the picture is decoded in full (a truncated or disguised file fails here). What is
stored is never the upload itself: Pillow re-encodes it as a JPEG, turned the right way
up, at most `MAX_SIDE` pixels on its long side, without EXIF (so without location).
iPhones send HEIC/HEIF; pillow-heif lets Pillow read them.
"""

import io
import logging
import uuid
import warnings
from contextlib import suppress
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()
log = logging.getLogger(__name__)

MAX_BYTES = 12 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2048
SMALL_SIDE = 640
QUALITY = 85
ACCEPTED = {"JPEG", "PNG", "HEIF"}


class PhotoRejected(Exception):
    """The upload is not a photo we take; `message` says why, in the user's language."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


class PhotoNotStored(PhotoRejected):
    """The server could not store the photo (a full disk, say); nothing of it is left behind.

    A refusal like the others: the form comes back with the message and the person's text.
    """


@dataclass(frozen=True)
class Prepared:
    """A re-encoded photo (JPEG bytes) and a small copy for lists on phones."""

    full: bytes
    small: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Stored:
    name: str
    small_name: str
    width: int
    height: int


NOT_A_PHOTO = _("That file is not a photo we can use. Send a JPEG, PNG or HEIC photo.")
NOT_STORED = _(
    "The photo could not be saved just now. Your text is kept: send again, "
    "or send it without the photo."
)


def _open(upload) -> Image.Image:
    if upload.size is not None and upload.size > MAX_BYTES:
        raise PhotoRejected(
            _("The photo is too large (at most %(mb)d MB).") % {"mb": MAX_BYTES // 2**20}
        )
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise PhotoRejected(
            _("The photo is too large (at most %(mb)d MB).") % {"mb": MAX_BYTES // 2**20}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=None)
            if image.format not in ACCEPTED:
                raise PhotoRejected(NOT_A_PHOTO)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoRejected(
                    _("The photo has too many pixels (at most %(mp)d megapixels).")
                    % {"mp": MAX_PIXELS // 1_000_000}
                )
            image.load()
    except PhotoRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoRejected(
            _("The photo has too many pixels (at most %(mp)d megapixels).")
            % {"mp": MAX_PIXELS // 1_000_000}
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise PhotoRejected(NOT_A_PHOTO) from None
    return image


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: JPEG has no transparency, and a transparent PNG should not turn black."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image: Image.Image, side: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, format="JPEG", quality=QUALITY, optimize=True)  # no exif= : nothing carried over
    return out.getvalue()


def prepare(upload) -> Prepared:
    """Check an uploaded file and re-encode it; raises PhotoRejected with a clear message."""
    image = _open(upload)
    try:
        upright = _flatten(ImageOps.exif_transpose(image))
    except (OSError, ValueError, SyntaxError):
        raise PhotoRejected(NOT_A_PHOTO) from None
    full = _jpeg(upright, MAX_SIDE)
    width, height = Image.open(io.BytesIO(full)).size
    return Prepared(full=full, small=_jpeg(upright, SMALL_SIDE), width=width, height=height)


def store(prepared: Prepared, folder: str) -> Stored:
    """Save both copies through Django's storage under a random name.

    If the storage fails (a full disk fails mid-write and leaves part of a file), whatever
    was written is removed and PhotoNotStored raised. The caller removes the files again
    (`discard`) if the row that was to point at them is not saved.
    """
    stem = f"{folder.strip('/')}/{uuid.uuid4().hex}"
    names: list[str] = []
    try:
        for name, data in ((f"{stem}.jpg", prepared.full), (f"{stem}-small.jpg", prepared.small)):
            names.append(name)  # the random name is free: storage keeps it, or fails on it
            names[-1] = default_storage.save(name, ContentFile(data))
    except OSError as error:
        log.error("storing a photo failed: %r", error)
        discard(*names)
        raise PhotoNotStored(NOT_STORED) from error
    full, small = names
    return Stored(name=full, small_name=small, width=prepared.width, height=prepared.height)


def discard(*names: str) -> None:
    """Remove stored files whose row was not saved; never raises (a photo is not worth a 500)."""
    for name in names:
        if name:
            with suppress(OSError):
                default_storage.delete(name)
