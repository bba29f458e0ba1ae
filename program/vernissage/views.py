"""Galleries for visitors (react, comment), printable QR codes, the rota and the closing remarks."""

from django.core.exceptions import BadRequest
from django.core.paginator import Page, Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groups import selectors as group_selectors
from groups.models import Group
from program.ideas.selectors import version
from program.models import AgendaItem, Comment, Idea
from program.vernissage import regions, selectors, services
from program.vernissage.forms import ClosingForm, CommentActionForm, CommentForm, ReactForm
from seminar import access, links
from seminar.http import HtmxHttpRequest, answer, forbidden, parse_id
from seminar.models import Participant, Seminar
from seminar.submissions import TooFast, new_key

GALLERY = "program/vernissage/gallery.html"
LIVE = "program/vernissage/live.html"


def _viewer(request: HtmxHttpRequest, slug: str) -> tuple[Seminar, Participant | None, bool]:
    seminar = get_object_or_404(Seminar, slug=slug)
    participant = access.bound_participant(request.session, seminar)
    return seminar, participant, access.facilitates(request.user, seminar)


def _vernissage(seminar: Seminar, item_id: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("day__seminar"),
        pk=item_id,
        day__seminar=seminar,
        kind=services.KIND,
    )


def _table(item: AgendaItem, group_id: int) -> Group:
    return get_object_or_404(
        Group, pk=group_id, round__grouping_id=item.grouping_id, round__number=item.round_number
    )


def _idea_context(request, seminar, item, idea, visitor, form=None, sent=False) -> dict:
    ideas = selectors.gallery_ideas(idea.group) if idea.group else []
    shown = next((i for i in ideas if i.pk == idea.pk), idea)
    shown.mine = selectors.my_reactions(visitor, [shown]).get(shown.pk) if visitor else None
    return {
        "seminar": seminar,
        "item": item,
        "idea": shown,
        "key": new_key(),
        "form": form,
        "sent": sent,
        "participant": visitor,
        "open": selectors.is_on(item),
    }


def _live(request: HtmxHttpRequest, item: AgendaItem, participant: Participant | None) -> dict:
    """What keeps a gallery page live over the phone's socket: the phone's marks while the
    vernissage is on (comment forms show by them) and its own table's turn ("you host now")."""
    if participant is None:
        return {}
    on = selectors.is_on(item)
    table = group_selectors.group_for_item(participant.pk, item)
    return {
        "open": on,
        "version": version(item.day.seminar_id),
        "marks": regions.MARKS.render(item, participant, request) if on else "",
        "turn": regions.TURN.render(item, table, request) if table is not None else "",
    }


@require_GET
def galleries(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    seminar, participant, facilitator = _viewer(request, slug)
    if participant is None and not facilitator:
        return redirect("seminar:join", slug=seminar.slug)
    item = _vernissage(seminar, item_id)
    return render(
        request,
        "program/vernissage/galleries.html",
        {
            "seminar": seminar,
            "item": item,
            "tables": selectors.tables(item),
            "participant": participant,
            **_live(request, item, participant),
        },
    )


@require_GET
def gallery(request: HtmxHttpRequest, slug: str, item_id: int, group_id: int) -> HttpResponse:
    """A table's gallery; opening it (a participant, by QR code or the list) counts as a visit."""
    seminar, participant, facilitator = _viewer(request, slug)
    if participant is None and not facilitator:
        return redirect("seminar:join", slug=seminar.slug)
    item = _vernissage(seminar, item_id)
    table = _table(item, group_id)
    if participant is not None:
        services.note_visit(item=item, group=table, visitor=participant)
    ideas = selectors.gallery_ideas(table)
    mine = selectors.my_reactions(participant, ideas) if participant else {}
    for idea in ideas:
        idea.mine = mine.get(idea.pk)
    return render(
        request,
        GALLERY,
        {
            "seminar": seminar,
            "item": item,
            "table": table,
            "ideas": ideas,
            "key": new_key,
            "participant": participant,
            **_live(request, item, participant),
        },
    )


@require_POST
def still_here(request: HtmxHttpRequest, slug: str, item_id: int, group_id: int) -> HttpResponse:
    """The open gallery page says, once a minute, that its visitor is still there, and gets
    its own table's turn again (a push its socket missed while the phone slept)."""
    seminar, participant, _facilitator = _viewer(request, slug)
    if participant is None:
        return HttpResponse(status=204)
    item = _vernissage(seminar, item_id)
    services.note_visit(item=item, group=_table(item, group_id), visitor=participant)
    own = group_selectors.group_for_item(participant.pk, item)
    if own is None or not request.htmx:
        return HttpResponse(status=204)
    return HttpResponse(regions.TURN.render(item, own, request))


def _back(
    request: HtmxHttpRequest,
    seminar: Seminar,
    item: AgendaItem,
    idea: Idea,
    context: dict,
    status: int,
) -> HttpResponse:
    """The idea's card (refused, a plain form too); a plain form that was done lands on it in its
    gallery."""
    url = (
        reverse("program:gallery", args=[seminar.slug, item.pk, idea.group_id])
        + f"#gallery-idea-{idea.pk}"
    )
    return answer(
        request,
        url,
        partial=f"{GALLERY}#idea",
        page=f"{GALLERY}#idea",
        context=context,
        status=status,
    )


def _posted_item(request: HtmxHttpRequest, form: ReactForm | CommentForm) -> AgendaItem:
    """The vernissage the phone was looking at: 400 if the id is malformed, 404 if unknown."""
    return get_object_or_404(form.fields["item"].queryset, pk=parse_id(request.POST.get("item")))


@require_POST
def react(request: HtmxHttpRequest, slug: str, idea_id: int) -> HttpResponse:
    seminar, participant, _facilitator = _viewer(request, slug)
    if participant is None:
        return forbidden(request, seminar)
    idea = get_object_or_404(
        Idea.objects.select_related("item__day", "group"),
        pk=idea_id,
        item__day__seminar=seminar,
        hidden=False,
    )
    form = ReactForm(request.POST, seminar=seminar)
    item = _posted_item(request, form)
    if not form.is_valid():
        raise BadRequest("not a reaction")
    status = 200
    try:
        services.react(item=item, idea=idea, visitor=participant, kind=form.cleaned_data["kind"])
    except services.NotOpen:
        status = 409
    return _back(
        request,
        seminar,
        item,
        idea,
        _idea_context(request, seminar, item, idea, participant),
        status,
    )


@require_POST
def comment(request: HtmxHttpRequest, slug: str, idea_id: int) -> HttpResponse:
    seminar, participant, _facilitator = _viewer(request, slug)
    if participant is None:
        return forbidden(request, seminar)
    idea = get_object_or_404(
        Idea.objects.select_related("item__day", "group"),
        pk=idea_id,
        item__day__seminar=seminar,
        hidden=False,
    )
    form = CommentForm(request.POST, seminar=seminar)
    item = _posted_item(request, form)
    sent, status = False, 200
    if form.is_valid():
        try:
            services.comment(
                item=item,
                idea=idea,
                author=participant,
                text=form.cleaned_data["text"],
                key=form.cleaned_data["key"],
            )
            form, sent = None, True
        except services.NotOpen:
            form.add_error(None, _("Comments are not being taken here now."))
            status = 409
        except services.NotOn:
            form.add_error(None, _("Comments are taken only while the vernissage is on."))
            status = 409
        except TooFast:
            form.add_error(
                None, _("That was a lot of comments at once. Wait a minute and send again.")
            )
            status = 429
    else:
        status = 400
    context = _idea_context(request, seminar, item, idea, participant, form=form, sent=sent)
    return _back(request, seminar, item, idea, context, status)


@require_GET
@access.facilitator_required
def codes(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    """A printable page: one QR code per table, opening that table's gallery."""
    item = _vernissage(seminar, item_id)
    cards = []
    for table in selectors.tables(item):
        url = links.absolute(reverse("program:gallery", args=[seminar.slug, item.pk, table.pk]))
        cards.append({"table": table, "url": url, "qr": links.qr_svg(url, title=table.name)})
    return render(
        request, "program/vernissage/codes.html", {"seminar": seminar, "item": item, "cards": cards}
    )


@require_POST
@access.facilitator_required
def next_turn(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    services.next_turn(item=_vernissage(seminar, item_id))
    return answer(request, "program:run", seminar.slug)


@require_POST
@access.facilitator_required
def closing(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    item = _vernissage(seminar, item_id)
    form = ClosingForm(request.POST)
    if form.is_valid():
        services.show_closing(
            item=item, text=form.cleaned_data["text"], shown=form.cleaned_data["action"] == "show"
        )
    return answer(request, "program:run", seminar.slug)


@require_POST
@access.facilitator_required
def moderate_comment(request: HtmxHttpRequest, seminar: Seminar, comment_id: int) -> HttpResponse:
    """Hide a comment, or show it again; on the complete list (no live page) the row answers."""
    comments = Comment.objects.select_related("idea__group", "author")
    found = get_object_or_404(comments, pk=comment_id, idea__item__day__seminar=seminar)
    item = AgendaItem.objects.filter(
        day__seminar=seminar, kind=services.KIND, grouping__rounds__groups=found.idea.group_id
    ).first()
    form = CommentActionForm(request.POST)
    if item is not None and form.is_valid():
        hidden = form.cleaned_data["action"] == "hide"
        services.set_comment_hidden(item=item, comment=found, hidden=hidden)
    if request.POST.get("answer") == "row":
        found.refresh_from_db()
        return answer(
            request,
            "program:run",
            seminar.slug,
            partial=f"{LIVE}#comment",
            context={"comment": found, "seminar": seminar, "page": True},
        )
    return answer(request, "program:run", seminar.slug)


COMMENTS_PER_PAGE = 50


def _page(request: HtmxHttpRequest, comments) -> Page:
    return Paginator(comments, COMMENTS_PER_PAGE).get_page(request.GET.get("page"))


@require_GET
@access.facilitator_required
def all_comments(request: HtmxHttpRequest, seminar: Seminar, item_id: int) -> HttpResponse:
    """Every comment of a vernissage, hidden ones included, newest first, a page at a time."""
    item = _vernissage(seminar, item_id)
    page = _page(request, selectors.all_comments(item))
    return render(
        request,
        "program/vernissage/comments.html",
        {"item": item, "seminar": seminar, "page": page},
    )


@require_GET
def table_comments(
    request: HtmxHttpRequest, slug: str, item_id: int, group_id: int
) -> HttpResponse:
    """Every shown comment on a table's ideas, for that table's members, a page at a time."""
    seminar, participant, _facilitator = _viewer(request, slug)
    item = _vernissage(seminar, item_id)
    table = _table(item, group_id)
    if participant is None or not table.memberships.filter(participant=participant).exists():
        return forbidden(request, seminar)
    return render(
        request,
        "program/vernissage/table_comments.html",
        {
            "item": item,
            "seminar": seminar,
            "table": table,
            "participant": participant,
            "page": _page(request, selectors.table_comments(table)),
        },
    )
