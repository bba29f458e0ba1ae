"""At the tables: a member adds a red thread or a difference to their table's cards."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groups import selectors as group_selectors
from interviews import services
from interviews.forms import CardForm
from program.phone_posts import phone_item
from seminar.http import HtmxHttpRequest, answer, refusable
from seminar.submissions import TooFast

PANEL = "interviews/card_panel.html"


@require_POST
@refusable
def add_card(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    item, participant = phone_item(request, slug, item_id)
    form, sent, status = CardForm(request.POST), False, 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_card(
                item=item, author=participant, kind=data["kind"], text=data["text"], key=data["key"]
            )
            form, sent, status = CardForm(), True, 200
        except services.NotOpen:
            form.add_error(
                None, _("Cards are not being taken here: you are not at a table for this item.")
            )
            status = 409
        except TooFast:
            form.add_error(
                None, _("That was a lot of cards at once. Wait a minute and send again.")
            )
            status = 429
    context = {
        "form": form,
        "item": item,
        "seminar": item.day.seminar,
        "sent": sent,
        "group": group_selectors.group_for_item(participant.pk, item),
    }
    return answer(
        request,
        "program:phone",
        item.day.seminar.slug,
        partial=PANEL,
        page=PANEL,
        context=context,
        status=status,
    )
