"""Middleware of our own: the chain on one thread, and requests answered before their frames
render."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from seminar import live


class SyncChain:
    """Innermost middleware, synchronous only: the chain above it then runs synchronously too.

    Under ASGI, Django runs each middleware in the mode of the handler below it. With an
    async-capable one innermost (django-htmx's), every Django middleware ran in async mode,
    and each of their process_request/process_response hooks hopped to the request's thread
    and back: about fifteen hops per request, for views that are all synchronous anyway.
    With this one innermost, Django adapts once: the chain, the URL resolver and the view
    run on the request's thread (docs/activities.md has the figures).
    """

    sync_capable = True
    async_capable = False

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)


class AnswerFirst:
    """Frames a request publishes are rendered once it has its response (seminar/live/outbox.py)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with live.Answering():
            return self.get_response(request)
