"""The soapbox's parts of each screen, rendered from the database.

- `group_element`: what every phone of one group shows alike (phase, countdown, speaking
  order) and the loaders of each phone's own *slots* (forms, private text). A slot is
  keyed: a push that carries the same slot leaves it, and what is typed in it, alone.
- `person_element`: one phone's own live part: a process leader's controls, a speaker's
  feedback once the group reads it. Rendered only for that phone (snapshot, resync).
- `tablet_element`: the facilitator's overview of every group, with their controls.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from groups.models import Group
from program.models import AgendaItem, GroupActivityState
from program.selectors import timer_remaining_ms
from program.soapbox import selectors
from seminar.models import Participant


def _phase_context(state: GroupActivityState) -> dict:
    phase = selectors.phase(state.phase)
    index = selectors.PHASE_KEYS.index(phase.key)
    return {
        "state": state, "phase": phase, "phase_number": index + 1, "phase_total": len(selectors.PHASES),
        "previous": selectors.PHASES[index - 1] if index > 0 else None,
        "following": selectors.PHASES[index + 1] if index + 1 < len(selectors.PHASES) else None,
        "timer_ms": timer_remaining_ms(state, timezone.now()), "timer_running": state.timer_ends_at is not None,
    }


def slots(phase: str, lineup) -> list[str]:
    """The names of a phone's own slots in a phase: one per form, one per speaker called up."""
    names = []
    for slot in selectors.SLOTS[selectors.phase(phase).key]:
        if slot == "speakers":
            # The speaker now on the soapbox first; earlier speakers' forms stay below.
            names += [f"speaker-{speaker.pk}" for speaker in reversed(lineup) if speaker.called_at is not None]
        else:
            names.append(slot)
    return names


def group_element(item: AgendaItem, group: Group, request=None) -> str:
    state = selectors.group_state(item, group)
    lineup = selectors.lineup(item, group)
    context = {"item": item, "seminar": item.day.seminar, "group": group, "lineup": lineup,
               "current": selectors.current_speaker(lineup), "slots": slots(state.phase, lineup),
               **_phase_context(state)}
    return render_to_string("program/soapbox/group.html#group", context, request=request)


def lead_element(item: AgendaItem, group: Group, request=None, error: str | None = None) -> str:
    state = selectors.group_state(item, group)
    lineup = selectors.lineup(item, group)
    context = {"item": item, "seminar": item.day.seminar, "group": group, "lineup": lineup, "error": error,
               "volunteers": selectors.volunteers(item, group), "next_speaker": selectors.next_speaker(lineup),
               "speakers": selectors.speakers(item), **_phase_context(state)}
    return render_to_string("program/soapbox/person.html#lead", context, request=request)


def inbox_element(item: AgendaItem, participant: Participant) -> str:
    return render_to_string("program/soapbox/person.html#inbox",
                            {"item": item, "feedback": selectors.feedback_for(item, participant)})


def person_element(item: AgendaItem, participant: Participant, request=None) -> str:
    """A phone's own live part: a process leader's controls; a speaker's feedback, once it is time."""
    group = selectors.group_of(item, participant)
    if group is None:
        return ""
    parts = []
    if selectors.leads(participant, item, group):
        parts.append(lead_element(item, group, request))
    if (selectors.group_state(item, group).phase in ("feedback", "plan")
            and selectors.spoke_in(item, group, participant)):
        parts.append(inbox_element(item, participant))
    return "".join(parts)


def tablet_element(item: AgendaItem, request=None, error: str | None = None) -> str:
    rows = []
    for group, members in selectors.groups(item):
        state = selectors.group_state(item, group)
        lineup = selectors.lineup(item, group)
        rows.append({"group": group, "leaders": [m for m in members if m.role == Participant.Role.PROCESS_LEADER],
                     "size": len(members), "lineup": lineup, "current": selectors.current_speaker(lineup),
                     **_phase_context(state)})
    context = {"item": item, "seminar": item.day.seminar, "rows": rows, "phases": selectors.PHASES,
               "error": error, "version": sum(row["state"].version for row in rows)}
    return render_to_string("program/soapbox/tablet.html#tablet", context, request=request)
