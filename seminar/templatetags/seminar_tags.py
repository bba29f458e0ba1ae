import functools
from urllib.parse import quote

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString

from seminar import links
from seminar.live import regions
from seminar.models import Seminar

register = template.Library()


@register.simple_tag
def join_qr(seminar: Seminar) -> SafeString:
    return links.qr_svg(links.join_link(seminar))


@register.simple_tag
def join_link(seminar: Seminar) -> str:
    return links.join_link(seminar)


@register.filter
def countdown(milliseconds: int | None) -> str:
    """The countdown as the screens first show it (mm:ss), before the script takes over."""
    if milliseconds is None:
        return ""
    seconds = -(-milliseconds // 1000)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


@register.simple_tag
def content_lang(instance=None, field: str = "") -> SafeString:
    """` lang="da"` on the seminar's own text (written in the default language) when the page is
    in another language, so that a screen reader reads it in Danish (WCAG 3.1.2); nothing when
    `instance` has that `field` in English (`<field>_en`), which `.shown` then shows."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return SafeString("")
    if instance is not None and field and getattr(instance, f"{field}_en", ""):
        return SafeString("")
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.filter
def bdi(value) -> SafeString:
    """A person's text isolated for bidi inside a translated sentence (`with name=x|bdi`), where a
    `<bdi>` cannot be written around the variable: an unclosed right-to-left override in a
    name then cannot reverse the words after it."""
    return format_html("<bdi>{}</bdi>", value)


@register.simple_tag
def live_region(element_id: str, version: int, content: str = "", **data: str) -> SafeString:
    """A top-level live element (seminar.live.regions.element: what live.js does with its data)."""
    return regions.element(element_id, content, version, **data)


@functools.cache
def _data_uri(path: str) -> str:
    with open(finders.find(path), "rb") as file:
        return "data:image/svg+xml," + quote(file.read().decode("utf-8").strip(), safe=" =:/'\"")


@register.simple_tag
def svg_data_uri(path: str) -> str:
    """A small static SVG as a data: URI (the page's icon: one request less on a phone's first
    load)."""
    return _data_uri(path)
