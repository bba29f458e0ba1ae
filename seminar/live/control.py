"""Instructions to the consumer, sent through the same groups as frames but never shown.

A frame that starts with CONTROL is an instruction: the relay hands it to each socket's
consumer (never to the wire), and renders do not wait for its delivery.
"""

CONTROL = "\x00"
# Sent instead of a frame when what a screen may see has changed (a person moved to
# another group): the consumer works out its audiences again and sends a full snapshot.
RESYNC = "\x00resync"
# Sent when only a phone's own part has changed (the program moved onto an item where each
# phone shows something of its own): the room's frame of the same change carries the rest,
# so the consumer sends the own part alone, rendered in batches (`Screen.own_parts`).
RESYNC_OWN = "\x00resync-own"
