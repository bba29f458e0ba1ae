"""Friendly error pages: a wrong link or a crash never shows a trace."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.html import format_html
from django.utils.translation import gettext as _

from seminar.http import MalformedId


def bad_request(request, exception=None) -> HttpResponse:
    """A 400 that says what was wrong; htmx gets the message alone, to show in place."""
    if isinstance(exception, MalformedId):
        message = format_html(
            _(
                "The page sent a number that is not valid (“{value}”). "
                "Reload the page and try again."
            ),
            value=format_html("<bdi>{}</bdi>", exception.value),
        )
    else:
        message = _(
            "The page sent something that could not be understood. Reload the page and try again."
        )
    htmx = getattr(request, "htmx", False)
    template = "seminar/bad_request.html#message" if htmx else "seminar/bad_request.html"
    return render(request, template, {"message": message}, status=400)


def not_found(request, exception=None) -> HttpResponse:
    return render(request, "seminar/bad_link.html", status=404)


def server_error(request) -> HttpResponse:
    return HttpResponseServerError(loader.render_to_string("500.html"))
