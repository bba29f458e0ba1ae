"""The soapbox's live regions: one group's phones, one phone's own part, the tablet, the projector.

- `GROUP`: what every phone of one group shows alike (phase, countdown, speaking order)
  and the loaders of each phone's own *slots* (forms, private text). A slot is keyed: a
  push that carries the same slot leaves it, and what is typed in it, alone.
- `LEAD` and `INBOX`: one phone's own part: a process leader's controls, a speaker's
  feedback once the group reads it (each renders nothing for anyone else). A push of
  either tells that phone to send its own part again.
- `TABLET`: the facilitator's overview of every group, with their controls.
- `PHASES`: the projector's list of the item's phases (not pushed: it changes with the program).

The element ids carry the item's pk, as the templates write them.
"""

from django.utils import timezone

from groups.models import Group
from program.models import AgendaItem, GroupActivityState
from program.selectors import timer_remaining_ms
from program.soapbox import selectors
from seminar.live.regions import Region, Scope
from seminar.models import Participant


def _phase_context(item: AgendaItem, state: GroupActivityState) -> dict:
    phases = selectors.phases(item)
    phase = selectors.phase(item, state.phase)
    index = phases.index(phase)
    return {
        "state": state, "phase": phase, "phase_number": index + 1, "phase_total": len(phases),
        "previous": phases[index - 1] if index > 0 else None,
        "following": phases[index + 1] if index + 1 < len(phases) else None,
        "timer_ms": timer_remaining_ms(state, timezone.now()), "timer_running": state.timer_ends_at is not None,
    }


def slots(item: AgendaItem, phase: str, lineup) -> list[str]:
    """The names of a phone's own slots in a phase: one per form, one per speaker called up."""
    names = []
    for slot in selectors.SLOTS[selectors.phase(item, phase).key]:
        if slot == "speakers":
            # The speaker now on the soapbox first; earlier speakers' forms stay below.
            names += [f"speaker-{speaker.pk}" for speaker in reversed(lineup) if speaker.called_at is not None]
        else:
            names.append(slot)
    return names


def group(item: AgendaItem, group: Group) -> dict:
    state = selectors.group_state(item, group)
    lineup = selectors.lineup(item, group)
    return {"item": item, "seminar": item.day.seminar, "group": group, "lineup": lineup,
            "current": selectors.current_speaker(lineup), "slots": slots(item, state.phase, lineup),
            **_phase_context(item, state)}


def lead(item: AgendaItem, participant: Participant, error: str | None = None) -> dict:
    """A process leader's controls for their group (`leads` is false for anyone else)."""
    group = selectors.group_of(item, participant)
    if group is None or not selectors.leads(participant, item, group):
        return {"leads": False}
    state = selectors.group_state(item, group)
    lineup = selectors.lineup(item, group)
    return {"leads": True, "item": item, "seminar": item.day.seminar, "group": group,
            "lineup": lineup, "error": error, "volunteers": selectors.volunteers(item, group),
            "next_speaker": selectors.next_speaker(lineup), "speakers": selectors.speakers(item),
            **_phase_context(item, state)}


def inbox(item: AgendaItem, participant: Participant) -> dict:
    """A speaker's feedback once their group reads it (`inbox` is false before, and for others)."""
    group = selectors.group_of(item, participant)
    shown = (group is not None and selectors.group_state(item, group).phase in ("feedback", "plan")
             and selectors.spoke_in(item, group, participant))
    feedback = selectors.feedback_for(item, participant) if shown else []
    return {"inbox": shown, "item": item, "feedback": feedback}


def tablet(item: AgendaItem, _=None, error: str | None = None) -> dict:
    rows = []
    for row_group, members in selectors.groups(item):
        state = selectors.group_state(item, row_group)
        lineup = selectors.lineup(item, row_group)
        rows.append({"group": row_group, "size": len(members), "lineup": lineup,
                     "leaders": [m for m in members if m.role == Participant.Role.PROCESS_LEADER],
                     "current": selectors.current_speaker(lineup), **_phase_context(item, state)})
    return {"item": item, "seminar": item.day.seminar, "rows": rows,
            "phases": selectors.phases(item), "error": error,
            "version": sum(row["state"].version for row in rows)}


def phases(item: AgendaItem, _=None) -> dict:
    return {"soapbox_phases": selectors.phases(item)}


ITEM = "soapbox-{{ item.pk }}"  # the element ids' start, as the templates write it
GROUP = Region(f"{ITEM}-group", "program/soapbox/group.html#group", Scope.GROUP, group)
LEAD = Region(f"{ITEM}-lead", "program/soapbox/person.html#lead", Scope.PERSON, lead)
INBOX = Region(f"{ITEM}-inbox", "program/soapbox/person.html#inbox", Scope.PERSON, inbox)
TABLET = Region(f"{ITEM}-tablet", "program/soapbox/tablet.html#tablet", Scope.TABLETS, tablet)
PHASES = Region("soapbox-phases", "program/soapbox/projector.html#phases", Scope.PROJECTOR, phases)
REGIONS = (GROUP, LEAD, INBOX, TABLET, PHASES)
