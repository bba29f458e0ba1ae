"""Every change to interviews: the homework save, the tables' cards, the plenum's picks, hiding.

Homework is private: saving an interview broadcasts nothing. Cards go live to their
table's phones and to the facilitators; picks and hides reach the facilitators and, while
their item is on, the projector (interviews/regions.py).
"""

from django.db import IntegrityError, transaction

from groups import selectors as group_selectors
from interviews import privacy, regions, selectors
from interviews.models import TAG_LABELS, Interview, InterviewRevision, Pick, TableCard
from program import activities
from program import selectors as program_selectors
from program.models import AgendaItem
from seminar.models import Participant
from seminar.submissions import check_pace


class NotOpen(Exception):
    """This cannot be done now: the tables have opened, or the item is not this activity."""


class StaleVersion(Exception):
    """The save was made on an older version; `current` is the newer one, unchanged."""

    def __init__(self, current: Interview) -> None:
        super().__init__("stale interview version")
        self.current = current


@transaction.atomic
def save_interview(
    *,
    author: Participant,
    who: str,
    said: str,
    quotes: str,
    tags: list[str],
    show_name: bool,
    version: int,
    key,
) -> Interview:
    """Save the author's interview as a new revision (once per key; `version` is the one edited).

    Saves the interview and keeps every earlier text as a revision; what the privacy check
    finds is stored (`identifying`) and holds the interview back from the room. Refuses a save made
    on an older version (StaleVersion, with the newer text) and any save once a table
    session has opened (NotOpen). Broadcasts nothing: homework is private.
    """
    done = (
        InterviewRevision.objects.filter(author=author, key=key).select_related("interview").first()
    )
    if done is not None:
        return done.interview
    if selectors.tables_opened(author.seminar):
        raise NotOpen
    interview = (
        Interview.objects.select_for_update()
        .filter(seminar_id=author.seminar_id, author=author)
        .first()
    )
    if interview is not None and interview.version != version:
        raise StaleVersion(interview)
    check_pace(author.pk, "interview")
    fields = {
        "who": who.strip(),
        "said": said.strip(),
        "quotes": quotes.strip(),
        "show_name": show_name,
        **{f"tag_{code}": code in tags for code in TAG_LABELS},
    }
    # Saved anyway (a warning, never a block), but held back until the data is gone or released;
    # a release covers the data a facilitator saw, not what the author adds later.
    found = " ".join(privacy.kinds(fields["who"], fields["said"], fields["quotes"]))
    fields["identifying"] = found
    fields["released"] = (
        bool(found)
        and interview is not None
        and interview.released
        and interview.identifying == found
    )
    try:
        with transaction.atomic():
            if interview is None:
                interview = Interview.objects.create(
                    seminar_id=author.seminar_id, author=author, version=1, **fields
                )
            else:
                for name, value in fields.items():
                    setattr(interview, name, value)
                interview.version += 1
                interview.save()
            InterviewRevision.objects.create(
                interview=interview,
                author=author,
                key=key,
                version=interview.version,
                who=fields["who"],
                said=fields["said"],
                quotes=fields["quotes"],
                tags=" ".join(interview.tags),
                show_name=show_name,
            )
    except IntegrityError:  # the same key, or a first save from another device, raced in
        done = (
            InterviewRevision.objects.filter(author=author, key=key)
            .select_related("interview")
            .first()
        )
        if done is not None:
            return done.interview
        raise StaleVersion(
            Interview.objects.get(seminar_id=author.seminar_id, author=author)
        ) from None
    return interview


def _tables_changed(item: AgendaItem, group_ids: list[int]) -> None:
    """The cards of these tables, to their members, and the facilitators' overview."""
    round_ = group_selectors.round_for_item(item)
    for group in round_.groups.filter(pk__in=group_ids) if round_ else []:
        activities.push(item, regions.TABLE_CARDS, target=group)
    activities.push(item, regions.TABLES_TABLET)


@transaction.atomic
def add_card(*, item: AgendaItem, author: Participant, kind: str, text: str, key) -> TableCard:
    """Add a red thread or a difference to the author's table (once per key).

    Saves the card; its table's phones and the facilitators' tablets get the new list.
    """
    if item.kind != selectors.TABLES_KIND or item.day.seminar_id != author.seminar_id:
        raise NotOpen
    existing = TableCard.objects.filter(author=author, key=key).first()
    if existing is not None:
        return existing
    group = group_selectors.group_of(author.pk, group_selectors.round_for_item(item))
    if group is None:
        raise NotOpen
    check_pace(author.pk, "interview-card")
    try:
        with transaction.atomic():
            card = TableCard.objects.create(
                item=item, group=group, author=author, kind=kind, text=text.strip(), key=key
            )
    except IntegrityError:
        return TableCard.objects.get(author=author, key=key)
    _tables_changed(item, [group.pk])
    return card


@transaction.atomic
def set_card_hidden(*, card: TableCard, hidden: bool = True) -> None:
    """Take a card off its table's phones (it is kept, for the report), or put it back."""
    TableCard.objects.filter(pk=card.pk).update(hidden=hidden)
    _tables_changed(card.item, [card.group_id])


def _plenum_changed(item: AgendaItem) -> None:
    """The facilitators' picks and, while the item is on, the projector."""
    activities.push(item, regions.PLENUM_TABLET, *_on_projector(item))


def _on_projector(item: AgendaItem) -> list:
    """The projector's interview, if `item` is the one on (the projector shows no other)."""
    on = program_selectors.live_state(item.day.seminar).item_id == item.pk
    return [regions.PROJECTED] if on else []


def _check_plenum(item: AgendaItem, interview: Interview) -> None:
    if item.kind != selectors.PLENUM_KIND or item.day.seminar_id != interview.seminar_id:
        raise NotOpen


@transaction.atomic
def pick(*, item: AgendaItem, interview: Interview, tag: str) -> Pick:
    """Add an interview to the plenum's picks under a tag (or change its tag)."""
    _check_plenum(item, interview)
    chosen, _ = Pick.objects.update_or_create(
        item=item, interview=interview, defaults={"tag": tag if tag in TAG_LABELS else ""}
    )
    _plenum_changed(item)
    return chosen


@transaction.atomic
def show(*, item: AgendaItem, interview: Interview, tag: str = "") -> Pick:
    """Put one interview on the projector (picking it if need be) and take any other off."""
    _check_plenum(item, interview)
    if interview.hidden or interview.held_back:
        raise NotOpen
    chosen = Pick.objects.filter(item=item, interview=interview).first()
    if chosen is None:
        chosen = Pick.objects.create(
            item=item, interview=interview, tag=tag if tag in TAG_LABELS else ""
        )
    Pick.objects.filter(item=item, on_screen=True).exclude(pk=chosen.pk).update(on_screen=False)
    Pick.objects.filter(pk=chosen.pk).update(on_screen=True)
    _plenum_changed(item)
    return chosen


@transaction.atomic
def take_off(*, item: AgendaItem) -> None:
    """Nothing of the interviews on the projector (the item's own text shows again)."""
    Pick.objects.filter(item=item, on_screen=True).update(on_screen=False)
    _plenum_changed(item)


@transaction.atomic
def unpick(*, item: AgendaItem, interview: Interview) -> None:
    """Take an interview out of the picks (and off the projector)."""
    Pick.objects.filter(item=item, interview=interview).delete()
    _plenum_changed(item)


@transaction.atomic
def set_hidden(*, interview: Interview, hidden: bool) -> None:
    """Hide an interview from the tables and the projector (or show it again).

    Hiding takes it off the projector. The current item's screens get fresh frames.
    """
    Interview.objects.filter(pk=interview.pk).update(hidden=hidden)
    if hidden:
        Pick.objects.filter(interview=interview).update(on_screen=False)
    current = program_selectors.live_state(interview.seminar).item
    if current is not None and current.kind == selectors.TABLES_KIND:
        round_ = group_selectors.round_for_item(current)
        group = group_selectors.group_of(interview.author_id, round_)
        if group is not None:
            activities.push(current, regions.TABLE_INTERVIEWS, target=group)
    picked_at = AgendaItem.objects.filter(interview_picks__interview=interview).select_related(
        "day__seminar"
    )
    plenums = {item.pk: item for item in picked_at}
    if current is not None and current.kind == selectors.PLENUM_KIND:
        plenums.setdefault(current.pk, current)  # its tag counts change, and perhaps its projector
    for item in plenums.values():
        _plenum_changed(item)


@transaction.atomic
def release(*, interview: Interview) -> None:
    """A facilitator read the interview and lets it reach the tables and the projector as it is.

    Saves `released`; the screens that list interviews get fresh frames (as for showing again).
    """
    Interview.objects.filter(pk=interview.pk).update(released=True)
    interview.released = True
    set_hidden(interview=interview, hidden=interview.hidden)
