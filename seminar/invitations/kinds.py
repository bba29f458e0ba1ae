"""The kinds of mail a facilitator can send: each says who is due and what its mail says.

The invitation is the core's own; an app above the core registers its kind in its
`AppConfig.ready()` (program: the homework reminder), so the core imports nothing above it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from seminar.models import Seminar


def _nothing(seminar: Seminar, keys: list[str]) -> list[str]:
    return []


@dataclass(frozen=True)
class MailKind:
    key: str
    # The page's heading and the facilitator's link to it.
    label: str | Promise
    # The mail's subject; %(seminar)s is the seminar's title.
    subject: str | Promise
    # The paragraph above the personal link.
    intro: str | Promise
    # Who may get it, with what it is about for each (participant id → detail keys); None:
    # everyone with access.
    due: Callable[[Seminar], dict[int, list[str]]] | None = None
    # Detail keys → the lines the mail lists, in the active language.
    describe: Callable[[Seminar, list[str]], list[str]] = field(default=_nothing)
    position: int = 100


_KINDS: dict[str, MailKind] = {}


def register(kind: MailKind) -> MailKind:
    if kind.key in _KINDS and _KINDS[kind.key] != kind:
        raise ValueError(f"mail kind {kind.key!r} is registered twice")
    _KINDS[kind.key] = kind
    return kind


def get(key: str) -> MailKind | None:
    return _KINDS.get(key)


def registered() -> list[MailKind]:
    return sorted(_KINDS.values(), key=lambda kind: (kind.position, kind.key))


INVITATION = register(MailKind(
    key="invitation",
    label=_("Invitations"),
    subject=_("%(seminar)s: your personal link"),
    intro=_("You are invited to %(seminar)s. Open your personal link on your phone: it shows the "
            "program, what is on now and what to do, and it lets you hand in your homework."),
    position=0,
))
