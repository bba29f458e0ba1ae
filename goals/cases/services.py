"""Co-creation cases: the homework, the big group's poster, its pick, the analysis, the takeaways.

Each service reads what it needs (who sits where) first and then opens its transaction
with the write, so that saves at the same moment queue on the database's write lock
(goals.services.store_versioned says why).
"""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import F

from goals import selectors
from goals.cases import regions
from goals.models import Case, CaseAnalysis, CasePick, PosterNote, Showing, Takeaway
from goals.services import NotAllowed, NotOpen, store_versioned
from groups import selectors as group_selectors
from groups.models import Group
from program import activities
from program.models import AgendaItem
from seminar.models import Participant
from seminar.submissions import check_pace

KIND = "cases"


def _publish(item: AgendaItem, group: Group, *, projector_too: str | None = None) -> None:
    """After commit: the group's phones and the tablets; the projector when it shows
    `projector_too` of this group."""
    shown = selectors.showing(item)
    projected = bool(projector_too) and (shown.what, shown.ref) == (projector_too, group.pk)
    also = [regions.PROJECTED] if projected else []
    activities.push(item, regions.GROUP, regions.TABLET, *also, target=group)


def _group(item: AgendaItem, participant: Participant) -> Group:
    if item.kind != KIND or item.day.seminar_id != participant.seminar_id:
        raise NotOpen
    group = selectors.group_for(item, participant)
    if group is None:
        raise NotAllowed
    return group


def save_case(
    *,
    author: Participant,
    version: int,
    key: uuid.UUID,
    title: str,
    what_happened: str,
    partners: list[str],
    partners_other: str,
    achieved: str,
    themes: str,
) -> Case:
    """Save the author's own case (homework); Stale when made on an older version than the stored
    one.

    A retried save (same key) returns the stored case unchanged. While a cases item is on
    and uses a round with the author in it, the group's phones and the tablets get the new
    text (homework handed in days ahead pushes nothing: no screen shows it yet).
    """
    fields = {
        "title": title,
        "what_happened": what_happened,
        "partners": partners,
        "partners_other": partners_other,
        "achieved": achieved,
        "themes": themes,
    }
    items = [
        (item, selectors.group_for(item, author))
        for item in AgendaItem.objects.filter(
            day__seminar_id=author.seminar_id, kind=KIND, day__seminar__live__item=F("pk")
        ).select_related("day")
    ]
    with transaction.atomic():
        case, changed = store_versioned(
            Case,
            lookup={"author": author},
            version=version,
            key=key,
            fields={"seminar_id": author.seminar_id, **fields} if version == 0 else fields,
        )
        if changed:
            for item, group in items:
                if group is not None:
                    _publish(item, group)
    return case


def add_poster_note(
    *, item: AgendaItem, author: Participant, kind: str, text: str, key: uuid.UUID
) -> PosterNote:
    """Put a theme or best practice on the author's group's poster (once per key).

    Pushes the group's part to its phones and the tablets, and the projector when it
    shows this group's poster.
    """
    group = _group(item, author)
    existing = PosterNote.objects.filter(author=author, key=key).first()
    if existing is not None:
        return existing
    check_pace(author.pk, "poster")
    try:
        with transaction.atomic():
            note = PosterNote.objects.create(
                item=item, group=group, author=author, kind=kind, text=text.strip(), key=key
            )
            _publish(item, group, projector_too=Showing.What.POSTER)
    except IntegrityError:  # the same key raced in from a retried request
        return PosterNote.objects.get(author=author, key=key)
    return note


@transaction.atomic
def hide_poster_note(*, note: PosterNote) -> None:
    """Take a note off the poster on every screen (it is kept, marked hidden)."""
    PosterNote.objects.filter(pk=note.pk).update(hidden=True)
    _publish(note.item, note.group, projector_too=Showing.What.POSTER)


def pick_case(
    *, item: AgendaItem, group: Group, case: Case, by: Participant | None = None
) -> CasePick:
    """The group's case for the plenum analysis; `by` is the process leader, None for a facilitator.

    The case must be a member's. A new pick drops the analysis of the case picked before.
    Pushes the group's part and the tablets (and the projector when it shows its analysis).
    """
    if item.kind != KIND or group.round_id != getattr(
        group_selectors.round_for_item(item), "pk", None
    ):
        raise NotOpen
    if by is not None and (
        by.role != Participant.Role.PROCESS_LEADER or not selectors.is_member(group, by)
    ):
        raise NotAllowed
    if not selectors.is_member(group, case.author):
        raise NotAllowed
    with transaction.atomic():
        if not CasePick.objects.filter(item=item, group=group).exclude(case=case).update(case=case):
            try:
                with transaction.atomic():
                    CasePick.objects.create(item=item, group=group, case=case)
            except IntegrityError:
                pass  # picked already (this very case: the update found nothing to change)
        pick = CasePick.objects.get(item=item, group=group)
        CaseAnalysis.objects.filter(pick=pick).exclude(case=case).delete()
        _publish(item, group, projector_too=Showing.What.ANALYSIS)
    return pick


def save_analysis(
    *, pick: CasePick, version: int, key: uuid.UUID, went_well: str, could_be_better: str, how: str
) -> CaseAnalysis:
    """A facilitator's analysis of a picked case (version-checked); pushes tablets and, if shown,
    the projector."""
    texts = {"went_well": went_well, "could_be_better": could_be_better, "how": how}
    with transaction.atomic():
        analysis, changed = store_versioned(
            CaseAnalysis,
            lookup={"pick": pick},
            version=version,
            key=key,
            fields={**texts, "case": pick.case} if version == 0 else texts,
        )
        if changed:
            _publish(pick.item, pick.group, projector_too=Showing.What.ANALYSIS)
    return analysis


def save_takeaway(
    *, item: AgendaItem, author: Participant, version: int, key: uuid.UUID, text: str
) -> Takeaway:
    """What the author takes back to their own case: private, so nothing is broadcast."""
    if item.kind != KIND or item.day.seminar_id != author.seminar_id:
        raise NotOpen
    takeaway, _ = store_versioned(
        Takeaway,
        lookup={"item": item, "author": author},
        version=version,
        key=key,
        fields={"text": text.strip()},
    )
    return takeaway
