"""Phones at the soapbox: their slots, the draft's autosave, volunteering, feedback, the action
plan.

Every view acts for the participant bound to the phone's session and reads or writes only
what is theirs; there is no address that names another person's draft, feedback or plan.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from program.models import AgendaItem
from program.phone_posts import phone_item
from program.soapbox import selectors, services, slots, writing
from program.soapbox.forms import DraftForm, FeedbackForm, PlanForm, VolunteerForm
from seminar.http import HtmxHttpRequest, answer, errors_text, refusable
from seminar.models import Participant, Seminar
from seminar.submissions import TooFast

NOT_OPEN = gettext_lazy("The soapbox is not open for you here.")
SLOT_PAGE = "program/soapbox/slot_page.html"


def _phone(
    request: HtmxHttpRequest, slug: str, item_id: int
) -> tuple[Seminar, Participant, AgendaItem]:
    """The seminar, the phone's participant and the soapbox item; `Refused` (403) or 404."""
    item, participant = phone_item(request, slug, item_id, kinds=(selectors.KIND,))
    return item.day.seminar, participant, item


def _slot_answer(
    request: HtmxHttpRequest, item, participant, name: str, status: int = 200, **extra
) -> HttpResponse:
    """htmx gets the slot it changed; a plain post is sent back to the phone page (or shown its
    errors)."""
    html = slots.render_slot(request, item, participant, name, **extra)
    context = {"seminar": item.day.seminar, "participant": participant, "content": html}
    return answer(
        request,
        "program:phone",
        item.day.seminar.slug,
        html=html,
        page=SLOT_PAGE,
        context=context,
        status=status,
    )


@require_GET
@refusable
def slot(request: HtmxHttpRequest, slug: str, item_id: int, name: str) -> HttpResponse:
    """One of the phone's own slots (its forms and private text), for this phone's participant
    only."""
    seminar, participant, item = _phone(request, slug, item_id)
    html = slots.render_slot(request, item, participant, name)
    if request.htmx:
        return HttpResponse(html)
    return render(
        request, SLOT_PAGE, {"seminar": seminar, "participant": participant, "content": html}
    )


@require_POST
@refusable
def draft(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    """The draft's autosave (and its save button): answers with the save status, never the text."""
    seminar, participant, item = _phone(request, slug, item_id)
    form = DraftForm(request.POST, prefix="draft")
    context = {"item": item, "seminar": seminar, "form": form}
    status = 200
    if not form.is_valid():
        context["error"], status = errors_text(form), 400
    else:
        try:
            context["draft"] = writing.save_draft(
                item=item,
                author=participant,
                version=form.cleaned_data["version"],
                parts=form.parts(),
            )
        except writing.StaleDraft as stale:
            context["draft"], status = stale.draft, 409
            context["error"] = _(
                "Your draft was saved on another screen meanwhile. Reload to see that version; "
                "copy what you typed here first."
            )
        except services.NotOpen:
            context["error"], status = NOT_OPEN, 409
    if (
        not request.htmx and status != 200
    ):  # a plain form refused: its slot, with the text and the error
        return _slot_answer(
            request, item, participant, "draft", status, form=form, error=context.get("error")
        )
    # After a refused save the phone keeps the version it had, so it cannot overwrite the newer
    # draft.
    context["saved_version"] = (
        context["draft"].version if status == 200 else form.data.get("draft-version")
    )
    return answer(
        request,
        "program:phone",
        seminar.slug,
        partial="program/soapbox/slots.html#draft_status",
        context=context,
        status=status,
    )


@require_POST
@refusable
def volunteer(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    seminar, participant, item = _phone(request, slug, item_id)
    form = VolunteerForm(request.POST)
    if form.is_valid() and participant.role != participant.Role.PROCESS_LEADER:
        try:
            services.set_volunteer(
                item=item, participant=participant, volunteer=form.cleaned_data["volunteer"]
            )
        except services.NotOpen:
            return _slot_answer(request, item, participant, "volunteer", 409, error=NOT_OPEN)
    return _slot_answer(request, item, participant, "volunteer")


@require_POST
@refusable
def feedback(request: HtmxHttpRequest, slug: str, item_id: int, speaker_id: int) -> HttpResponse:
    """Feedback to a speaker called up in the phone's own group (once per key)."""
    seminar, participant, item = _phone(request, slug, item_id)
    speaker = slots.speaker_for(item, participant, speaker_id)
    name = f"speaker-{speaker.pk}"
    form = FeedbackForm(request.POST, prefix=f"fb{speaker.pk}")
    if not form.is_valid():
        return _slot_answer(request, item, participant, name, 400, form=form)
    try:
        writing.give_feedback(
            item=item,
            author=participant,
            speaker=speaker,
            worked=form.cleaned_data["worked"],
            suggestion=form.cleaned_data["suggestion"],
            key=form.cleaned_data["key"],
        )
    except services.NotOpen:
        form.add_error(None, _("You cannot give this speaker feedback."))
        return _slot_answer(request, item, participant, name, 409, form=form)
    except services.NotPossible:
        form.add_error(None, _("Feedback is given during the speeches and the feedback round."))
        return _slot_answer(request, item, participant, name, 409, form=form)
    except TooFast:
        form.add_error(None, _("That was a lot at once. Wait a minute and send again."))
        return _slot_answer(request, item, participant, name, 429, form=form)
    return _slot_answer(request, item, participant, name, sent=True)


@require_POST
@refusable
def plan(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    """Save the phone's action plan (its steps replace the ones saved before; once per key)."""
    seminar, participant, item = _phone(request, slug, item_id)
    form, formset = PlanForm(request.POST), slots.step_formset(item, participant, request.POST)
    if not (form.is_valid() and formset.is_valid()):
        return _slot_answer(request, item, participant, "plan", 400, form=form, formset=formset)
    steps = [
        writing.Step(**{name: row.cleaned_data[name] for name in ("what", "with_whom", "by_when")})
        for row in formset.forms
        if row.cleaned_data and not row.cleaned_data.get("DELETE")
    ]
    try:
        writing.save_action_plan(
            item=item, author=participant, steps=steps, key=form.cleaned_data["key"]
        )
    except (services.NotOpen, services.NotPossible):
        form.add_error(
            None,
            _("Write at least one step, and at most %(count)d.") % {"count": writing.MAX_STEPS},
        )
        return _slot_answer(request, item, participant, "plan", 409, form=form, formset=formset)
    except TooFast:
        form.add_error(None, _("That was a lot at once. Wait a minute and send again."))
        return _slot_answer(request, item, participant, "plan", 429, form=form, formset=formset)
    return _slot_answer(request, item, participant, "plan", sent=True)
