"""Changes to the seminar's people: check-in, personal links and codes, the display link.
(The roster import lives in roster.py.)"""

from django.db import transaction

from seminar import access, live
from seminar.languages import language_codes
from seminar.live import audiences
from seminar.models import Participant, Seminar, new_code, new_token


@transaction.atomic
def set_present(*, participant: Participant, present: bool) -> Participant:
    """Mark a participant present or absent. Saves the flag; groups formed from then on
    leave absent people out, and a published round can be re-balanced (groups app)."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.present != present:
        participant.present = present
        participant.save(update_fields=["present"])
    return participant


def _unused_code(seminar_id: int) -> str:
    """A fresh personal code no one else in the seminar has (the unique constraint guards last)."""
    taken = set(Participant.objects.filter(seminar_id=seminar_id).values_list("code", flat=True))
    code = new_code()
    while code in taken:
        code = new_code()
    return code


def _recheck_after_commit(seminar_id: int, audiences: list[str]) -> None:
    """After commit, tell these audiences' open sockets to check their access again: those of
    a binding that no longer counts are closed (access.RECHECK)."""
    live.publish(seminar_id, lambda: [(audience, access.RECHECK) for audience in audiences])


@transaction.atomic
def renew_access(*, participant: Participant) -> Participant:
    """Give the participant a new personal link and code; the old ones stop at once.

    Saves a new token and code and raises the access version (a phone bound before no
    longer counts, see access.bound_participant); lifts a revocation. After commit, the
    person's open sockets are told to check their access (the old ones close). What the
    participant wrote is untouched.
    """
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    participant.token = new_token()
    participant.code = _unused_code(participant.seminar_id)
    participant.access_version += 1
    participant.access_revoked = False
    participant.save(update_fields=["token", "code", "access_version", "access_revoked"])
    _recheck_after_commit(participant.seminar_id, [audiences.person(participant.pk)])
    return participant


@transaction.atomic
def revoke_access(*, participant: Participant) -> Participant:
    """Stop the participant's link and code, and every phone bound with them, until renewed.

    Saves the revocation and raises the access version; after commit the person's open
    sockets are told to check their access (and close). What they wrote is untouched.
    """
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    participant.access_version += 1
    participant.access_revoked = True
    participant.save(update_fields=["access_version", "access_revoked"])
    _recheck_after_commit(participant.seminar_id, [audiences.person(participant.pk)])
    return participant


@transaction.atomic
def renew_display_link(*, seminar: Seminar) -> Seminar:
    """Give the seminar a new projector display link; the old link and every projector bound
    with it stop at once.

    Saves a new display token and raises the display version; after commit the projectors'
    open sockets are told to check their access (the old ones close).
    """
    seminar = Seminar.objects.select_for_update().get(pk=seminar.pk)
    seminar.display_token = new_token()
    seminar.display_version += 1
    seminar.save(update_fields=["display_token", "display_version"])
    _recheck_after_commit(seminar.pk, [audiences.projector(code) for code in language_codes()])
    return seminar
