"""My own things: everything a participant wrote and may still need, on one phone page.

The speech draft, the action plan (its newest version), the co-creation case and what was
taken back to it, the big group's goal and the commitments. Reachable from the phone's bar
through the same personal link at any time: during the block, after it and after the seminar.
Private to the participant bound to this browser (403 for anyone else).
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from goals.models import Case, Commitment, Goal, Takeaway
from groups.models import Membership
from program.models import ActionPlan, SpeechDraft
from program.soapbox.forms import PROMPTS
from seminar.http import HtmxHttpRequest, phone, refusable
from seminar.models import Participant


def my_things(participant: Participant) -> dict:
    drafts = [
        {
            "item": draft.item,
            "parts": [
                (PROMPTS[name], getattr(draft, name))
                for name in SpeechDraft.PARTS
                if getattr(draft, name).strip()
            ],
        }
        for draft in SpeechDraft.objects.filter(author=participant).select_related("item")
    ]
    newest_plans = {}
    for plan in (
        ActionPlan.objects.filter(author=participant)
        .select_related("item")
        .prefetch_related("steps")
    ):
        newest_plans[plan.item_id] = plan  # ordered oldest first: the last one per item stays
    groups = Membership.objects.filter(
        participant=participant, round__published_at__isnull=False
    ).values("group_id")
    return {
        "drafts": [draft for draft in drafts if draft["parts"]],
        "plans": list(newest_plans.values()),
        "case": Case.objects.filter(author=participant).first(),
        "takeaways": list(Takeaway.objects.filter(author=participant).select_related("item")),
        "goals": list(
            Goal.objects.filter(group_id__in=groups, hidden=False).select_related("group")
        ),
        "commitment": Commitment.objects.filter(author=participant)
        .prefetch_related("messages")
        .first(),
    }


@require_GET
@refusable
def mine(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    seminar, participant = phone(request, slug)
    return render(
        request,
        "goals/mine.html",
        {"seminar": seminar, "participant": participant, **my_things(participant)},
    )
