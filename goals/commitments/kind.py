"""What we say at home: each leader's commitments; top management's message; the room's Monday."""

from django.template.loader import render_to_string

from goals.commitments import regions
from goals.commitments.forms import CommitmentForm, ManagementForm
from goals.kinds import GoalsKind
from goals.models import Commitment, Showing
from seminar.models import Participant


def panel_context(item, participant, **extra) -> dict:
    commitment = Commitment.objects.filter(author=participant).first()
    context = {"item": item, "seminar": item.day.seminar, "commitment": commitment,
               "form": CommitmentForm.for_commitment(commitment),
               "management": participant.role == Participant.Role.MANAGEMENT}
    if context["management"]:
        message = regions.management_message(item.day.seminar_id)
        context["management_form"] = ManagementForm(version=message.version if message else 0,
                                                    initial={"text": message.text if message else ""})
    context.update(extra)
    return context


class CommitmentsKind(GoalsKind):
    projector_template = "goals/commitments/projector.html"
    projector_choices = frozenset({Showing.What.MANAGEMENT, Showing.What.MONDAY})
    regions = regions.REGIONS

    def phone_panel(self, request, item, participant) -> str:
        return render_to_string("goals/commitments/panel.html", panel_context(item, participant),
                                request=request)
