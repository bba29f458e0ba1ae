"""The names of the live audiences: who a frame is for.

An audience is a name inside one seminar; the channel-layer group is
`seminar-<id>-<audience>` (`group_name`). Every frame is rendered once per audience,
never per socket. The names are built here and nowhere else:

| audience | who receives it |
| --- | --- |
| `projector-<lang>` | the projectors showing that language |
| `participant-<lang>` | every phone reading that language |
| `facilitator-<lang>` | every tablet reading that language |
| `group-<group id>-<lang>` | the phones of a published group's members |
| `person-<participant id>` | one person's phones (personal pushes, resyncs) |
"""

PROJECTOR = "projector"
PARTICIPANT = "participant"
FACILITATOR = "facilitator"
# The room-wide roles, in the order the room waits on them (see program.screens.room_frames).
ROLES = (PROJECTOR, PARTICIPANT, FACILITATOR)

_PERSON = "person-"


def role(role: str, language: str) -> str:
    """Every screen of one role reading one language."""
    return f"{role}-{language}"


def projector(language: str) -> str:
    return role(PROJECTOR, language)


def phones(language: str) -> str:
    return role(PARTICIPANT, language)


def tablets(language: str) -> str:
    return role(FACILITATOR, language)


def group(group_id: int, language: str) -> str:
    """The phones of one group's members reading one language."""
    return f"group-{group_id}-{language}"


def group_prefix(group_id: int) -> str:
    """`group(group_id, language)` without its language (for `live.languages_listened`)."""
    return f"group-{group_id}"


def person(participant_id: int) -> str:
    """One person's phones, whatever their language."""
    return f"{_PERSON}{participant_id}"


def is_personal(audience: str) -> bool:
    return audience.startswith(_PERSON)


def group_name(seminar_id: int, audience: str) -> str:
    """The channel-layer group of an audience."""
    return f"seminar-{seminar_id}-{audience}"


def audience_of(group_name: str) -> str:
    """The audience a channel-layer group name carries (`group_name`'s inverse)."""
    return group_name.split("-", 2)[-1]
