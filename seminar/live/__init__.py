"""The live layer's one door: screens register here, services publish through here.

A *screen* (projector, phone, tablet) knows who may open it, which audiences a viewer
belongs to and how to render the full current state for that viewer (`Screen`).
Services call `publish()` inside their transaction; the frame is rendered and sent only
after commit, once per audience, to the group `seminar-<id>-<audience>`. A push is a
hint: every socket gets the full state again when it (re)connects.

Inside the server the request does not wait for any of that (`seminar.live.outbox`): a
facilitator's click is answered as soon as its transaction commits, whatever the number
of screens. Outside a server (tests, commands, the shell) frames are rendered and sent
synchronously. docs/live.md has the figures and the map of this package; its modules
import only those listed before them there, and none imports this one.
"""

from seminar.live import audiences, publishing
from seminar.live.audiences import group_name
from seminar.live.control import CONTROL, RESYNC, RESYNC_OWN
from seminar.live.outbox import (
    Outbox,
    Render,
    attach_loop,
    current_outbox,
    detach_loop,
    renderer,
    send_now,
)
from seminar.live.relay import skippable
from seminar.live.screens import Screen, Viewer, register_screen, registered, roles, screen_for
from seminar.live.turns import Answering, background_turn, current_answer, foreground

publish = publishing.publish
publish_latest = publishing.publish_latest
listened = publishing.listened
listening = publishing.listening
languages_listened = publishing.languages_listened

__all__ = [
    "CONTROL",
    "RESYNC",
    "RESYNC_OWN",
    "Answering",
    "Outbox",
    "Render",
    "Screen",
    "Viewer",
    "attach_loop",
    "audiences",
    "background_turn",
    "current_answer",
    "current_outbox",
    "detach_loop",
    "foreground",
    "group_name",
    "languages_listened",
    "listened",
    "listening",
    "publish",
    "publish_latest",
    "register_screen",
    "registered",
    "roles",
    "screen_for",
    "send_now",
    "skippable",
]

_renderer = renderer  # the renderer thread, for tests that queue behind it
