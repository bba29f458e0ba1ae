"""The participant's homework, through their personal link: the hub and the citizen interview."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from interviews import privacy, selectors, services
from interviews.forms import InterviewForm, PrivacyCheckForm
from interviews.models import IDENTIFYING_LABELS, Interview
from program import homework
from seminar import access
from seminar.http import HtmxHttpRequest, answer, forbidden
from seminar.models import Participant, Seminar
from seminar.submissions import TooFast

PRIVACY_LABELS = IDENTIFYING_LABELS
PAGE = "interviews/interview.html"


def _phone(request: HtmxHttpRequest, slug: str) -> tuple[Seminar, Participant | None]:
    seminar = get_object_or_404(Seminar, slug=slug)
    return seminar, access.bound_participant(request.session, seminar)


@require_GET
def hub(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Every homework task with its status; the tasks come from the homework registry."""
    seminar, participant = _phone(request, slug)
    if participant is None:
        return redirect("seminar:join", slug=seminar.slug)
    tasks = [
        (task, task.url(seminar), participant.pk in task.handed_in(seminar))
        for task in homework.tasks(seminar)
    ]
    return render(
        request,
        "interviews/homework.html",
        {"seminar": seminar, "participant": participant, "tasks": tasks},
    )


def _form_for(interview: Interview | None) -> InterviewForm:
    if interview is None:
        return InterviewForm(initial={"version": 0})
    return InterviewForm(
        initial={
            "version": interview.version,
            "who": interview.who,
            "said": interview.said,
            "quotes": interview.quotes,
            "tags": interview.tags,
            "show_name": interview.show_name,
        }
    )


def warnings(*texts: str) -> list[str]:
    return [str(PRIVACY_LABELS[kind]) for kind in privacy.kinds(*texts)]


def _context(seminar, participant, form, *, saved=False, error="", mine=None) -> dict:
    interview = selectors.interview_of(participant)
    # A refused form may hold any amount of text; the warning looks at what a valid one could.
    texts = [
        str(form[name].value() or "")[: form.fields[name].max_length]
        for name in ("who", "said", "quotes")
    ]
    return {
        "seminar": seminar,
        "participant": participant,
        "form": form,
        "interview": interview,
        "closed": selectors.tables_opened(seminar),
        "saved": saved,
        "error": error,
        "mine": mine,
        "warnings": warnings(*texts),
    }


def _answer(request, seminar, participant, form, *, status=200, **context) -> HttpResponse:
    """The editor for htmx, the whole page for a plain form refused; saved, back to the page
    (303)."""
    return answer(
        request,
        f"{request.path}?saved=1",
        partial=f"{PAGE}#editor",
        page=PAGE,
        status=status,
        context=_context(seminar, participant, form, **context),
    )


@require_http_methods(["GET", "POST"])
def interview(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The citizen interview: one per participant, editable until the table session opens."""
    seminar, participant = _phone(request, slug)
    if participant is None:
        if request.method == "GET":
            return redirect("seminar:join", slug=seminar.slug)
        return forbidden(request, seminar)
    if request.method == "GET":
        context = _context(
            seminar,
            participant,
            _form_for(selectors.interview_of(participant)),
            saved=request.GET.get("saved") == "1",
        )
        return render(request, f"{PAGE}#editor" if request.htmx else PAGE, context)
    form = InterviewForm(request.POST)
    if not form.is_valid():
        return _answer(request, seminar, participant, form, status=400)
    data = form.cleaned_data
    try:
        saved = services.save_interview(
            author=participant,
            who=data["who"],
            said=data["said"],
            quotes=data["quotes"],
            tags=data["tags"],
            show_name=data["show_name"],
            version=data["version"],
            key=data["key"],
        )
    except services.StaleVersion as stale:
        error = _(
            "This interview was saved in a newer version (perhaps from another device). "
            "Below is the newer text; your text is kept underneath so you can copy from it."
        )
        return _answer(
            request,
            seminar,
            participant,
            _form_for(stale.current),
            status=409,
            error=error,
            mine=data,
        )
    except services.NotOpen:
        error = _("The tables have started on the interviews, so it can no longer be changed.")
        return _answer(request, seminar, participant, form, status=409, error=error, mine=data)
    except TooFast:
        error = _("That was a lot of saves at once. Wait a minute and save again.")
        return _answer(request, seminar, participant, form, status=429, error=error)
    return _answer(request, seminar, participant, _form_for(saved), saved=True)


@require_POST
def check(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The privacy warning for the text being typed; saves nothing."""
    seminar, participant = _phone(request, slug)
    if participant is None:
        return forbidden(request, seminar)
    form = PrivacyCheckForm(request.POST)
    found = warnings(*(form.cleaned_data.values())) if form.is_valid() else []
    return render(
        request, "interviews/interview.html#privacy", {"seminar": seminar, "warnings": found}
    )
