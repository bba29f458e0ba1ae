"""What we say at home: each leader's commitments, management's message, the facilitator's
hiding."""

import uuid

from django.db import transaction

from goals import selectors
from goals.commitments import regions
from goals.models import Commitment, CommitmentMessage, ManagementMessage, Showing
from goals.services import NotAllowed, NotOpen, store_versioned
from program import activities
from program.models import AgendaItem
from seminar.models import Participant

KIND = "commitments"


def _publish(item: AgendaItem, shown_as: str) -> None:
    """After commit: the tablets; the projector when it shows what changed."""
    projected = selectors.showing(item).what == shown_as
    activities.push(item, regions.TABLET, *([regions.PROJECTED] if projected else []))


def _check(item: AgendaItem, author: Participant) -> None:
    if item.kind != KIND or item.day.seminar_id != author.seminar_id:
        raise NotOpen


def save_commitment(
    *,
    item: AgendaItem,
    author: Participant,
    version: int,
    key: uuid.UUID,
    agreements: str,
    monday: str,
    share_monday: bool,
    messages: list[tuple[str, str]],
) -> Commitment:
    """The leader's agreements, Monday action and messages (message, to whom); version-checked.

    Private to the author, except the Monday action when they share it (without their
    name). Pushes the tablets, and the projector when it shows the Monday actions.
    """
    _check(item, author)
    fields = {"agreements": agreements, "monday": monday, "share_monday": share_monday}
    with transaction.atomic():
        commitment, changed = store_versioned(
            Commitment,
            lookup={"author": author},
            version=version,
            key=key,
            fields={**fields, "seminar_id": author.seminar_id, "item": item}
            if version == 0
            else fields,
        )
        if changed:
            CommitmentMessage.objects.filter(commitment=commitment).delete()
            CommitmentMessage.objects.bulk_create(
                CommitmentMessage(
                    commitment=commitment, position=position, message=message, audience=audience
                )
                for position, (message, audience) in enumerate(messages, start=1)
            )
            _publish(item, Showing.What.MONDAY)
    return commitment


def save_management_message(
    *, item: AgendaItem, author: Participant, version: int, key: uuid.UUID, text: str
) -> ManagementMessage:
    """Top management's message (role management only; version-checked).

    Pushes the tablets and, when it shows the message, the projector.
    """
    _check(item, author)
    if author.role != Participant.Role.MANAGEMENT:
        raise NotAllowed
    with transaction.atomic():
        message, changed = store_versioned(
            ManagementMessage,
            lookup={"seminar_id": author.seminar_id},
            version=version,
            key=key,
            fields={"text": text, "author": author},
        )
        if changed:
            _publish(item, Showing.What.MANAGEMENT)
    return message


@transaction.atomic
def hide_commitment(*, item: AgendaItem, commitment: Commitment, hidden: bool = True) -> None:
    """Hide a shared Monday action from the projector (or show it again); it is kept."""
    Commitment.objects.filter(pk=commitment.pk).update(hidden=hidden)
    _publish(item, Showing.What.MONDAY)


@transaction.atomic
def hide_management_message(*, item: AgendaItem, hidden: bool = True) -> None:
    """Hide management's message from the projector (or show it again); it is kept."""
    ManagementMessage.objects.filter(seminar_id=item.day.seminar_id).update(hidden=hidden)
    _publish(item, Showing.What.MANAGEMENT)
