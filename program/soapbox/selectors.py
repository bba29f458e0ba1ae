"""Reads for the soapbox: phases, each group's state, who leads, who speaks, what is whose."""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from groups import selectors as group_selectors
from groups.models import Group, Membership
from program.models import (
    ActionPlan,
    AgendaItem,
    GroupActivityState,
    Speaker,
    SpeakerDraw,
    SpeechDraft,
    SpeechFeedback,
    Volunteer,
)
from seminar.models import Participant

KIND = "soapbox"
# Defaults; an item's program file sets its own (`speakers`, `prepare_minutes`, `phases`).
SPEAKERS = 3
PREPARE_MINUTES = 15


@dataclass(frozen=True)
class Phase:
    key: str
    label: str
    hint: str
    minutes: int | None = None


PHASES = [
    Phase(
        "prepare",
        _("Prepare your speech"),
        _(
            "Draft a short speech to your staff. Your draft is saved as you type and only you "
            "can read it."
        ),
        PREPARE_MINUTES,
    ),  # the minutes an item sets win: phase_minutes()
    Phase(
        "speeches",
        _("Speeches"),
        _(
            "Some of you give their speech. Everyone else gives each speaker feedback: "
            "what worked, and one suggestion."
        ),
    ),
    Phase(
        "feedback",
        _("Feedback"),
        _("The speakers read their feedback. Only the speaker can read it."),
    ),
    Phase(
        "plan",
        _("Rework and action plan"),
        _(
            "Rework your speech, then write an action plan: a few concrete steps, "
            "each with what, with whom and by when."
        ),
    ),
]
PHASE_KEYS = [phase.key for phase in PHASES]  # also the order of an item without its own `phases`
# Slots: the parts of a phone's screen that are its own (forms, private text), per phase.
SLOTS = {
    "prepare": ["volunteer", "draft"],
    "speeches": ["speakers"],
    "feedback": ["speakers"],
    "plan": ["draft", "plan"],
}


def speakers(item: AgendaItem) -> int:
    """How many speak in each group at this item."""
    return int(item.settings.get("speakers", SPEAKERS))


def phase_minutes(item: AgendaItem, phase: Phase) -> int | None:
    """A phase's countdown at this item: the preparation's comes from the item's settings."""
    if phase.key == "prepare":
        return int(item.settings.get("prepare_minutes", PREPARE_MINUTES))
    return phase.minutes


def phases(item: AgendaItem) -> list[Phase]:
    """The item's phases in its order (its `phases` setting; by default all four, in order)."""
    keys = item.settings.get("phases") or PHASE_KEYS
    return [PHASES[PHASE_KEYS.index(key)] for key in keys if key in PHASE_KEYS] or PHASES


def phase_keys(item: AgendaItem) -> list[str]:
    return [phase.key for phase in phases(item)]


def phase(item: AgendaItem, key: str) -> Phase:
    """The item's phase with this key; its first phase for a key it does not have."""
    return next((phase for phase in phases(item) if phase.key == key), phases(item)[0])


def phase_order_problem(keys) -> str | None:
    """Why a `phases` setting cannot be run, or None: each phase at most once, the speeches
    always, and their feedback round (if any) after them."""
    if not isinstance(keys, list) or not keys or not all(isinstance(key, str) for key in keys):
        return gettext("must be a list of phases from %(known)s") % {"known": PHASE_KEYS}
    unknown = [key for key in keys if key not in PHASE_KEYS]
    if unknown:
        return gettext("has unknown phases %(unknown)s (known: %(known)s)") % {
            "unknown": unknown,
            "known": PHASE_KEYS,
        }
    if len(set(keys)) != len(keys):
        return gettext("names a phase twice")
    if "speeches" not in keys:
        return gettext('must include "speeches"')
    if "feedback" in keys and keys.index("feedback") < keys.index("speeches"):
        return gettext('must put "feedback" after "speeches"')
    return None


def initial_state(item: AgendaItem, group: Group) -> GroupActivityState:
    """The state a group starts in (not saved until its first change): the item's first phase."""
    first = phases(item)[0]
    minutes = phase_minutes(item, first)
    return GroupActivityState(
        item=item,
        group=group,
        phase=first.key,
        version=1,
        timer_remaining=minutes * 60 if minutes else None,
    )


def group_state(item: AgendaItem, group: Group) -> GroupActivityState:
    return GroupActivityState.objects.filter(item=item, group=group).first() or initial_state(
        item, group
    )


def groups(item: AgendaItem) -> list[tuple[Group, list[Participant]]]:
    """The item's published round: each group with its members (process leaders first)."""
    round_ = group_selectors.round_for_item(item)
    return group_selectors.round_members(round_) if round_ else []


def group_of(item: AgendaItem, participant: Participant) -> Group | None:
    return group_selectors.group_for_item(participant.pk, item)


def is_member(item: AgendaItem, group: Group, participant: Participant) -> bool:
    round_ = group_selectors.round_for_item(item)
    return (
        round_ is not None
        and group.round_id == round_.pk
        and Membership.objects.filter(group=group, participant=participant).exists()
    )


def leaders(group: Group) -> list[Participant]:
    return list(
        Participant.objects.filter(memberships__group=group, role=Participant.Role.PROCESS_LEADER)
    )


def leads(participant: Participant | None, item: AgendaItem, group: Group) -> bool:
    """Whether this participant is a process leader of this group in the item's round."""
    return (
        participant is not None
        and participant.role == Participant.Role.PROCESS_LEADER
        and is_member(item, group, participant)
    )


def latest_draw(item: AgendaItem, group: Group) -> SpeakerDraw | None:
    return SpeakerDraw.objects.filter(item=item, group=group).last()


def lineup(item: AgendaItem, group: Group) -> list[Speaker]:
    """The speakers of the group's latest draw, in speaking order."""
    draw = latest_draw(item, group)
    return list(draw.speakers.select_related("participant")) if draw else []


def current_speaker(speakers: list[Speaker]) -> Speaker | None:
    called = [speaker for speaker in speakers if speaker.called_at is not None]
    return called[-1] if called else None


def next_speaker(speakers: list[Speaker]) -> Speaker | None:
    return next((speaker for speaker in speakers if speaker.called_at is None), None)


def spoken_ids(item: AgendaItem) -> set[int]:
    """Everyone who has been called up to speak at this item, in any group."""
    return set(
        Speaker.objects.filter(draw__item=item, called_at__isnull=False).values_list(
            "participant_id", flat=True
        )
    )


def candidates(item: AgendaItem, group: Group) -> list[Participant]:
    """Who may be chosen to speak: present members, not leading the group, not spoken yet."""
    spoken = spoken_ids(item)
    return [
        person
        for person in Participant.objects.filter(memberships__group=group, present=True)
        .exclude(role=Participant.Role.PROCESS_LEADER)
        .order_by("name", "pk")
        if person.pk not in spoken
    ]


def volunteers(item: AgendaItem, group: Group) -> list[Participant]:
    """The candidates who volunteered, first come first."""
    allowed = {person.pk: person for person in candidates(item, group)}
    order = Volunteer.objects.filter(item=item, participant_id__in=allowed).values_list(
        "participant_id", flat=True
    )
    return [allowed[pk] for pk in order]


def volunteered(item: AgendaItem, participant: Participant) -> bool:
    return Volunteer.objects.filter(item=item, participant=participant).exists()


def draft(item: AgendaItem, author: Participant) -> SpeechDraft | None:
    return SpeechDraft.objects.filter(item=item, author=author).first()


def feedback_for(item: AgendaItem, speaker: Participant) -> list[SpeechFeedback]:
    """The feedback a speaker received (for that speaker's eyes only)."""
    return list(SpeechFeedback.objects.filter(item=item, speaker=speaker))


def feedback_given(
    item: AgendaItem, author: Participant, speaker: Participant
) -> list[SpeechFeedback]:
    return list(SpeechFeedback.objects.filter(item=item, author=author, speaker=speaker))


def plan(item: AgendaItem, author: Participant) -> ActionPlan | None:
    """A person's action plan: the newest saved version, with its steps."""
    return ActionPlan.objects.filter(item=item, author=author).prefetch_related("steps").last()


def spoke_in(item: AgendaItem, group: Group, participant: Participant) -> bool:
    return Speaker.objects.filter(
        draw__item=item, draw__group=group, participant=participant, called_at__isnull=False
    ).exists()
