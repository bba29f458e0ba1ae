"""At the tables: a member adds a red thread or a difference to their table's cards."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groups import selectors as group_selectors
from interviews import services
from interviews.forms import CardForm
from program.phone_posts import Refusal, submit_to_item
from seminar.http import HtmxHttpRequest
from seminar.submissions import TooFast


@require_POST
def add_card(request: HtmxHttpRequest, slug: str, item_id: int) -> HttpResponse:
    def save(item, participant, data) -> None:
        services.add_card(item=item, author=participant, kind=data["kind"], text=data["text"],
                          key=data["key"])

    def table(item, participant) -> dict:
        return {"group": group_selectors.group_for_item(participant.pk, item)}

    return submit_to_item(request, slug, item_id, form_class=CardForm, save=save, extra_context=table,
                          template="interviews/card_panel.html", refusals=(
        Refusal(services.NotOpen,
                _("Cards are not being taken here: you are not at a table for this item."), 409),
        Refusal(TooFast, _("That was a lot of cards at once. Wait a minute and send again."), 429),
    ))
