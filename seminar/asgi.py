"""ASGI entry point: HTTP through Django, websockets through the screen consumer."""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seminar.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402  (needs Django set up)
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


async def application(scope, receive, send):
    """The router, plus what the live layer needs to know about the server it runs in:
    its event loop (frames published from request threads are handed to it) and, for a
    websocket, the server's protocol object when frames can be written to it directly."""
    live.attach_loop()
    if scope["type"] == "websocket":
        scope = {**scope, "live.wire": wire_for(send)}
    return await router(scope, receive, send)

# Everything loaded so far lives for the whole process: keep it out of the collector's
# full collections, which otherwise stall fan-outs with thousands of sockets.
gc.collect()
gc.freeze()
