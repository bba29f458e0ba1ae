"""Changes to the seminar's people: check-in. (The roster import lives in roster.py.)"""

from django.db import transaction

from seminar.models import Participant


@transaction.atomic
def set_present(*, participant: Participant, present: bool) -> Participant:
    """Mark a participant present or absent. Saves the flag; groups formed from then on
    leave absent people out, and a published round can be re-balanced (groups app)."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.present != present:
        participant.present = present
        participant.save(update_fields=["present"])
    return participant
