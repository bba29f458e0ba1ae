"""The questions activity's live regions: the ranked list, a phone's votes, the tablet, the
projector."""

from program.models import Question, QuestionVote
from seminar.live.regions import Region, Scope

TEMPLATE = "program/questions/live.html"


def room(item, _=None) -> dict:
    return {"item": item, "questions": Question.objects.filter(item=item).visible().ranked()}


def marks(item, participant) -> dict:
    return {
        "votes": list(
            QuestionVote.objects.filter(question__item=item, voter=participant).values_list(
                "question_id", flat=True
            )
        )
    }


def tablet(item, _=None) -> dict:
    return {
        "item": item,
        "seminar": item.day.seminar,
        "questions": Question.objects.filter(item=item).select_related("author").ranked(),
    }


def featured(item, _=None) -> dict:
    return {
        "item": item,
        "featured": Question.objects.filter(item=item, featured=True, hidden=False)
        .select_related("author")
        .first(),
    }


ROOM = Region("questions-list", f"{TEMPLATE}#room", Scope.PHONES, room)
MARKS = Region("my-marks", f"{TEMPLATE}#marks", Scope.PERSON, marks)
TABLET = Region("questions-tablet", f"{TEMPLATE}#tablet", Scope.TABLETS, tablet)
FEATURED = Region(
    "featured-question", "program/questions/projector.html#featured", Scope.PROJECTOR, featured
)
REGIONS = (ROOM, MARKS, TABLET, FEATURED)
