"""Friendly error pages: a wrong link or a crash never shows a trace."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def not_found(request, exception=None) -> HttpResponse:
    return render(request, "seminar/bad_link.html", status=404)


def server_error(request) -> HttpResponse:
    return HttpResponseServerError(loader.render_to_string("500.html"))
