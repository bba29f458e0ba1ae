"""What a page already shows: a digest of its frame, so its first socket can skip the snapshot.

A page renders its screen's frame with the request; its first socket would get the same
frame again as its snapshot, moments later (3.7 KB of a phone's first load on the
reference seminar, uncompressed on the websocket). The page carries `digest(frame)`; the
socket sends it back on its first connect only (static/js/live.js), and the consumer
sends the snapshot only when its digest differs (`seminar.live.consumer`). Any change in
between, another language, a different group or personal part: a different digest, the
full snapshot as always.

The page's frame has CSRF tokens in its forms, the snapshot (rendered without a request)
none: the digest is over the text without them, so the two agree exactly when the
snapshot would put back what the page shows (a running clock aside: `RUNNING_CLOCK`).
A participant's text cannot forge a token's
markup: it is escaped. The digest is of what the page shows anyway; it leaks nothing.
"""

import hashlib
import re
from urllib.parse import parse_qs

# Django's {% csrf_token %} with a request; without one the tag renders nothing.
CSRF_INPUT = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[A-Za-z0-9]*">')
# A running countdown's time left is rendered when the frame is: the page's and the
# snapshot's differ by the moments between them, and both tick on in the browser. The
# digest leaves it out, so a page whose only difference is a running clock keeps its own
# (late by the page's delivery, as the snapshot would be by the socket's).
RUNNING_CLOCK = re.compile(r'(data-countdown data-remaining-ms=")\d+(" data-running="1">)[^<]*')
DIGEST_BYTES = 16
DIGEST = re.compile(rf"[0-9a-f]{{{2 * DIGEST_BYTES}}}")
QUERY_NAME = "shown"
MAX_QUERY = 100  # a longer query string is not ours: ignored, never parsed


def digest(frame: str) -> str:
    """The digest of a frame as the snapshot would send it (hex, 128 bits of BLAKE2b)."""
    text = RUNNING_CLOCK.sub(r"\1\2", CSRF_INPUT.sub("", frame))
    return hashlib.blake2b(text.encode(), digest_size=DIGEST_BYTES).hexdigest()


def from_query(query_string: bytes) -> str | None:
    """The digest a socket's URL carries (`?shown=<digest>`), or None if it carries none we
    could have given."""
    if not query_string or len(query_string) > MAX_QUERY:
        return None
    values = parse_qs(query_string.decode("latin-1")).get(QUERY_NAME, [])
    if len(values) != 1 or not DIGEST.fullmatch(values[0]):
        return None
    return values[0]
