"""Absolute addresses and QR codes, always built on BASE_URL (the address phones reach)."""

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from seminar.models import Participant, Seminar


def absolute(path: str, base: str | None = None) -> str:
    """`path` on `base`, or on BASE_URL (a command may be told the server's address)."""
    return f"{(base or settings.BASE_URL).rstrip('/')}{path}"


def personal_link(participant: Participant, base: str | None = None) -> str:
    return absolute(reverse("seminar:personal_link", args=[participant.token]), base)


def join_link(seminar: Seminar) -> str:
    return absolute(reverse("seminar:join", args=[seminar.slug]))


def display_link(seminar: Seminar, base: str | None = None) -> str:
    return absolute(
        reverse("seminar:display_link", args=[seminar.slug, seminar.display_token]), base
    )


def facilitator_link(seminar: Seminar) -> str:
    return absolute(reverse("program:run", args=[seminar.slug]))


def qr_svg(data: str, title: str = "") -> SafeString:
    """An inline SVG QR code (no script, no style attribute: allowed by our CSP).

    Without a fixed width and height and with its viewBox, the drawing scales to the box CSS
    gives it (a fixed 33×33 px code stays 33 px however big its box). The border is the
    standard quiet zone of four modules, so a code decodes on any background.
    """
    svg = segno.make(data, error="m").svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr", title=title or None
    )
    return mark_safe(svg)  # segno escapes the title and emits only SVG markup
