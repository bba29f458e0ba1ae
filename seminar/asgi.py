"""ASGI entry point: HTTP through Django, websockets through the screen consumer."""

import gc
import os
import sys

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seminar.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402  (needs Django set up)
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from seminar import live  # noqa: E402
from seminar.bodylimit import BodyLimit, guard_daphne  # noqa: E402
from seminar.live.wire import wire_for  # noqa: E402
from seminar.routing import websocket_urlpatterns  # noqa: E402
from seminar.socket_guard import OriginGuard  # noqa: E402

guard_daphne()
router = ProtocolTypeRouter(
    {
        "http": BodyLimit(django_asgi_app),
        "websocket": OriginGuard(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)


async def application(scope, receive, send):
    """The router, plus what the live layer needs to know about the server it runs in:
    its event loop (frames published from request threads are handed to it) and, for a
    websocket, the server's protocol object when frames can be written to it directly."""
    live.attach_loop()
    if scope["type"] == "websocket":
        scope = {**scope, "live.wire": wire_for(send)}
    elif scope["type"] == "http":
        with live.foreground:  # background work (a resync of every phone) waits for it
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
