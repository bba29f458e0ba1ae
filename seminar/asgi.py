"""ASGI entry point: HTTP through Django, websockets through the screen consumer."""

import asyncio
import gc
import os
import sys
import weakref

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seminar.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402  (needs Django set up)
from django.conf import settings  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from seminar import live  # noqa: E402
from seminar.relay import wire_for  # noqa: E402
from seminar.routing import websocket_urlpatterns  # noqa: E402

router = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)


_slots: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore]" = weakref.WeakKeyDictionary()


def http_slots() -> asyncio.Semaphore:
    """At most HTTP_CONCURRENCY requests of this process in Django at once; the rest wait, in order.

    Django runs each request's sync code on a thread of its own. In a burst (500 phones
    sending an idea within ten seconds) hundreds of threads then share one interpreter
    lock, each holding a database connection (PostgreSQL's pool has eight) or waiting for
    SQLite's write lock, whose busy handler sleeps up to 100 ms between tries: requests
    took seconds, while the processor was not even busy (bench/submit.py, docs/live.md).
    Waiting on the event loop costs nothing; a request in Django then runs at full speed.
    Daphne has read the whole body (a photo included) before the request gets here.
    """
    loop = asyncio.get_running_loop()
    if loop not in _slots:
        _slots[loop] = asyncio.Semaphore(settings.HTTP_CONCURRENCY)
    return _slots[loop]


async def application(scope, receive, send):
    """The router, plus what the live layer needs to know about the server it runs in:
    its event loop (frames published from request threads are handed to it) and, for a
    websocket, the server's protocol object when frames can be written to it directly."""
    live.attach_loop()
    if scope["type"] == "websocket":
        scope = {**scope, "live.wire": wire_for(send)}
    elif scope["type"] == "http":
        with live.foreground:  # background work (a resync of every phone) waits for it
            async with http_slots():
                return await router(scope, receive, send)
    return await router(scope, receive, send)

# Everything loaded so far lives for the whole process: keep it out of the collector's
# full collections, which otherwise stall fan-outs with thousands of sockets. (Once
# sockets are open, the relay runs full collections only between fan-outs.)
gc.collect()
gc.freeze()

# Frames are rendered on a thread beside the event loop. Each socket write, select and
# thread hand-off gives the interpreter lock up, and the event loop then waits until a
# busy thread lets it go again: up to the switch interval (5 ms by default) each time,
# up to ~20 ms on a facilitator's click while frames rendered (docs/live.md). 1 ms
# keeps those waits short; the extra switches cost next to nothing.
sys.setswitchinterval(0.001)
