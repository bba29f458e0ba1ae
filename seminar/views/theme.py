"""A seminar's own look: its colour as a stylesheet (the CSP allows no inline style)."""

import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic.base import RedirectView

from seminar.http import HtmxHttpRequest
from seminar.models import COLOUR, Seminar


@require_GET
@cache_control(public=True, max_age=3600)
def theme(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """`--brand` for every screen of the seminar; the address carries the colour, so a new
    colour is a new address and no cache holds the old one."""
    seminar = get_object_or_404(Seminar, slug=slug)
    if not re.match(COLOUR, seminar.colour):
        raise Http404
    css = f":root {{ --brand: {seminar.colour}; }}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")


# Browsers ask for /favicon.ico whatever the page says; send them to the hashed static file.
favicon = require_GET(
    RedirectView.as_view(permanent=False, get_redirect_url=lambda *a, **k: static("favicon.ico"))
)
