"""A phone's own slots at the soapbox: its forms and private text, fetched over HTTP by that phone
only.

Slot names: "volunteer", "draft", "plan", and "speaker-<id>" (feedback to one speaker called up
in the phone's group). Whatever a slot shows belongs to the phone's participant.
"""

from django.http import Http404
from django.template.loader import render_to_string

from program.models import AgendaItem, Speaker
from program.soapbox import selectors
from program.soapbox.forms import DraftForm, FeedbackForm, PlanForm, StepFormSet
from seminar.http import parse_id
from seminar.models import Participant


def draft_form(item: AgendaItem, author: Participant) -> DraftForm:
    draft = selectors.draft(item, author)
    initial = {"version": draft.version if draft else 0}
    if draft:
        initial |= {name: getattr(draft, name) for name in draft.PARTS}
    return DraftForm(initial=initial, prefix="draft")


def step_formset(item: AgendaItem, author: Participant, data=None) -> StepFormSet:
    plan = selectors.plan(item, author)
    steps = plan.steps.all() if plan else []
    initial = [
        {"what": step.what, "with_whom": step.with_whom, "by_when": step.by_when} for step in steps
    ]
    return StepFormSet(
        data, initial=initial or None, prefix="steps", form_kwargs={"earliest": item.day.date}
    )


def speaker_for(item: AgendaItem, participant: Participant, speaker_id: int) -> Speaker:
    """A speaker called up in the participant's own group, or 404."""
    group = selectors.group_of(item, participant)
    speaker = (
        Speaker.objects.select_related("participant", "draw__group")
        .filter(pk=speaker_id, draw__item=item, called_at__isnull=False)
        .first()
    )
    if group is None or speaker is None or speaker.draw.group_id != group.pk:
        raise Http404
    return speaker


def render_slot(request, item: AgendaItem, participant: Participant, name: str, **extra) -> str:
    context = {
        "item": item,
        "seminar": item.day.seminar,
        "participant": participant,
        "leads": participant.role == Participant.Role.PROCESS_LEADER,
        **extra,
    }
    if name == "volunteer":
        context["volunteered"] = selectors.volunteered(item, participant)
        context["can_speak"] = participant.role != Participant.Role.PROCESS_LEADER
        context["speakers"] = selectors.speakers(item)
    elif name == "draft":
        context.setdefault("form", draft_form(item, participant))
        context["draft"] = selectors.draft(item, participant)
        group = selectors.group_of(item, participant)
        context["has_feedback"] = (
            group is not None
            and selectors.spoke_in(item, group, participant)
            and (selectors.group_state(item, group).phase in ("feedback", "plan"))
        )
    elif name == "plan":
        context.setdefault("form", PlanForm())
        context.setdefault("formset", step_formset(item, participant))
        context["plan"] = selectors.plan(item, participant)
    elif name.startswith("speaker-"):
        speaker = speaker_for(item, participant, parse_id(name.removeprefix("speaker-")))
        context["speaker"] = speaker
        context["is_me"] = speaker.participant_id == participant.pk
        context.setdefault("form", FeedbackForm(prefix=f"fb{speaker.pk}"))
        context["given"] = selectors.feedback_given(item, participant, speaker.participant)
        name = "speaker"
    else:
        raise Http404
    return render_to_string(f"program/soapbox/slots.html#{name}", context, request=request)
