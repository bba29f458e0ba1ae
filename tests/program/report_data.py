"""A morning where the room produced something at every vision activity, some of it hidden, some
private."""

import datetime as dt
import io
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from program.ideas import services as ideas
from program.questions import services as questions
from program.soapbox import writing
from program.tabletalk import services as tabletalk
from program.vernissage import services as vernissage
from tests.program.soapbox_room import feedback, make_room, to_speeches
from tests.program.tables import seat

HOSTILE = '=HYPERLINK("http://evil")<script>alert(1)</script>'
PRIVATE = [
    "PRIVATE-DRAFT-MARK",
    "PRIVATE-FEEDBACK-MARK",
    "PRIVATE-SUGGESTION-MARK",
    "PRIVATE-PLAN-MARK",
]


def jpeg() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (30, 120, 200)).save(out, "JPEG")
    return SimpleUploadedFile("mindmap.jpg", out.getvalue(), content_type="image/jpeg")


def produce(seminar) -> dict:
    """Item 0 questions, 1 the soapbox, 2 table talk, 3 a brainstorm; day 2 the vernissage."""
    room = make_room(seminar, groups=1, members=4)  # item 1: the soapbox
    table = room.tables[0]
    speaker = to_speeches(room, table, volunteers=[], seed=3)
    listener = next(p for p in table.members if p.pk != speaker.participant_id)
    writing.save_draft(
        item=room.item, author=listener, version=0, parts={"message": "PRIVATE-DRAFT-MARK"}
    )
    feedback(
        room,
        listener,
        speaker,
        worked="PRIVATE-FEEDBACK-MARK",
        suggestion="PRIVATE-SUGGESTION-MARK",
    )
    writing.save_action_plan(
        item=room.item,
        author=listener,
        key=uuid.uuid4(),
        steps=[writing.Step("PRIVATE-PLAN-MARK", "Teamet", dt.date(2026, 4, 1))],
    )

    asking = seminar.days.order_by("date").first().items.get(position=0)  # item 0: questions
    asking.kind = "questions"
    asking.save()
    asker = table.members[0]
    first = questions.ask(
        item=asking, author=asker, text=HOSTILE, anonymous=False, key=uuid.uuid4()
    )
    questions.toggle_vote(question=first, voter=listener)
    questions.mark_answered(question=first)
    secret = questions.ask(
        item=asking, author=listener, text="Anonymous question", anonymous=True, key=uuid.uuid4()
    )
    hidden = questions.ask(
        item=asking, author=listener, text="HIDDEN-QUESTION", anonymous=False, key=uuid.uuid4()
    )
    questions.hide(question=hidden)

    talk = seat(seminar, "table_talk", sizes=(2, 2), position=2)  # item 2
    tabletalk.submit_card(
        item=talk.item,
        author=talk.people[0][0],
        kind="possibility",
        text="Flere frivillige",
        key=uuid.uuid4(),
    )
    card = tabletalk.submit_card(
        item=talk.item,
        author=talk.people[1][0],
        kind="challenge",
        text="HIDDEN-CARD",
        key=uuid.uuid4(),
    )
    tabletalk.set_card_hidden(card=card)

    brainstorm = seat(seminar, "brainstorm", position=3, grouping=talk.item.grouping)  # item 3
    idea = ideas.submit_idea(
        item=brainstorm.item,
        author=talk.people[0][1],
        text="Kulturnat",
        photo=jpeg(),
        key=uuid.uuid4(),
    )
    gone = ideas.submit_idea(
        item=brainstorm.item, author=talk.people[1][1], text="HIDDEN-IDEA", key=uuid.uuid4()
    )
    ideas.hide_idea(idea=gone)

    friday = seat(seminar, "vernissage", position=4, grouping=talk.item.grouping).item  # day 2
    visitor = talk.people[1][0]
    vernissage.react(item=friday, idea=idea, visitor=visitor, kind="love")
    vernissage.comment(item=friday, idea=idea, author=visitor, text="Godt tænkt", key=uuid.uuid4())
    rude = vernissage.comment(
        item=friday, idea=idea, author=visitor, text="HIDDEN-COMMENT", key=uuid.uuid4()
    )
    vernissage.hide_comment(item=friday, comment=rude)
    return {"speaker": speaker, "question": first, "secret": secret, "idea": idea}
