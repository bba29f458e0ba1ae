"""A full room's content for the reference seminar, and every state the projector can show.

`fill` gives the seminar what a busy room leaves behind (40 ideas with photos, 40 cards,
a 600-character goal with 75 handshakes, a poster with 20 notes, a Monday list of 75,
long and right-to-left names); `views` lists, for one item, each thing its projector can
show and sets it up. The layout tests and the rehearsal screenshots (bench/screenshots.py)
both use it: what is measured is what is looked at.
"""

import datetime as dt
import io
import itertools
import uuid
from collections.abc import Callable, Iterator

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from goals.models import (
    Case,
    CaseAnalysis,
    CasePick,
    Commitment,
    DepartmentPlan,
    Goal,
    Handshake,
    ManagementMessage,
    PosterNote,
    Showing,
)
from groups import selectors as group_selectors
from groups import services as group_services
from interviews.models import Interview, Pick
from program.models import AgendaItem, Idea, LiveState, Question, TableCard, TableTalkShow
from seminar import photos
from seminar.models import Participant, Seminar

LONG_NAME = "Bartholomæus" * 10  # 120 characters, no space to wrap at
RLO_NAME = "Noor \u202eAl-Rashid"  # an override left open: what follows must not read backwards
GOAL_WHAT = (
    "Vi skal lykkes med at gøre samskabelse til den måde, vi arbejder på, i alle dele af "
    "kommunen: borgere, foreninger og virksomheder er med fra begyndelsen, når vi løser "
    "en opgave, ikke først når løsningen er fundet. "
) * 3
SENTENCES = [
    "Lad borgerne være med til at planlægge byens nye mødested ved åen",
    "Et fælles kaffebord hver fredag, hvor alle forvaltninger mødes på tværs",
    "Frivillige foreninger får nøgle til kommunens lokaler om aftenen",
    "Små forsøg i stedet for store planer: prøv det af på tre uger",
    "Spørg de unge først, når vi laver noget for de unge",
    "Vi fortæller de gode historier om samskabelse på intranettet hver uge",
    "Lederne tager på besøg hos hinanden og lærer af det, der virker",
    "Én indgang for virksomheder, der vil samarbejde med kommunen om praktik og job",
]


def sentence(number: int, words: int = 0) -> str:
    text = SENTENCES[number % len(SENTENCES)]
    return f"{text} ({number + 1})" if not words else (text + ". ") * words


def photo(number: int) -> SimpleUploadedFile:
    """A coloured picture, portrait or landscape, as a phone would send."""
    size = (400, 300) if number % 3 else (300, 420)
    image = Image.new("RGB", size, ((40 * number) % 256, 110, 200 - (5 * number) % 150))
    ImageDraw.Draw(image).ellipse((40, 40, size[0] - 40, size[1] - 40), fill=(250, 215, 94))
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return SimpleUploadedFile(f"idea-{number}.jpg", out.getvalue(), content_type="image/jpeg")


def form_rounds(seminar: Seminar) -> None:
    """Every grouping's rounds the program uses, formed and published (publishing pushes: call
    this off Playwright's thread, with tests.browser.helpers.in_thread)."""
    wanted = {
        (item.grouping_id, item.round_number)
        for item in AgendaItem.objects.for_seminar(seminar)
        if item.grouping_id
    }
    for grouping in seminar.groupings.all():
        for number in sorted(n for g, n in wanted if g == grouping.pk):
            group_services.publish_round(
                round_=group_services.form_round(grouping=grouping, number=number, seed=2014)
            )


def name_people(seminar: Seminar) -> list[Participant]:
    """Two of the roster get the hard names: 120 letters without a space, and an open RLO."""
    people = list(seminar.participants.order_by("pk"))
    people[0].name, people[1].name = LONG_NAME, RLO_NAME
    Participant.objects.bulk_update(people[:2], ["name"])
    return people


def fill(seminar: Seminar) -> None:
    """A full room's content on every item (written straight to the tables: this is the
    arrangement of a layout test, not the behaviour under test)."""
    people = name_people(seminar)
    items = {item.kind: item for item in AgendaItem.objects.for_seminar(seminar)}
    key = uuid.uuid4
    group = group_selectors.group_for_item

    item = items["questions"]
    Question.objects.bulk_create(
        Question(item=item, author=person, text=sentence(n, 2), key=key(), featured=n == 0)
        for n, person in enumerate(people[:20])
    )
    item = items["table_talk"]
    TableCard.objects.bulk_create(
        TableCard(
            item=item,
            group=group(person.pk, item),
            author=person,
            key=key(),
            kind=("possibility", "challenge")[n % 2],
            text=sentence(n),
        )
        for n, person in enumerate(people[:40])
    )
    item = items["brainstorm"]
    for n, person in enumerate(people[:40]):
        stored = photos.store(photos.prepare(photo(n)), f"ideas/{seminar.pk}")
        Idea.objects.create(
            item=item,
            author=person,
            group=group(person.pk, item),
            text=sentence(n, 1 + n % 2),
            key=key(),
            photo=stored.name,
            photo_small=stored.small_name,
            photo_width=stored.width,
            photo_height=stored.height,
        )

    for n, person in enumerate(people[:6]):
        interview = Interview.objects.create(
            seminar=seminar,
            author=person,
            who="En borger fra foreningslivet i Ølgod",
            said=sentence(n, 6),
            quotes="\n".join(sentence(n + k) for k in range(3)),
            tag_interesting=True,
            show_name=True,
        )
        if n == 0:
            Pick.objects.create(
                item=items["interview_plenum"],
                interview=interview,
                tag="interesting",
                on_screen=True,
            )

    item = items["cases"]
    cases = Case.objects.bulk_create(
        Case(
            seminar=seminar,
            author=person,
            title=sentence(n),
            key=key(),
            what_happened=sentence(n, 3),
        )
        for n, person in enumerate(people[:8])
    )
    poster_group = group(people[0].pk, item)
    PosterNote.objects.bulk_create(
        PosterNote(
            item=item,
            group=poster_group,
            author=people[0],
            kind=("theme", "practice")[n % 2],
            text=sentence(n),
            key=key(),
        )
        for n in range(20)
    )
    pick = CasePick.objects.create(item=item, group=poster_group, case=cases[0])
    CaseAnalysis.objects.create(
        pick=pick,
        case=cases[0],
        went_well=sentence(1, 3),
        could_be_better=sentence(2, 3),
        how=sentence(3, 3),
        key=key(),
    )

    item = items["goal_writing"]
    goals = []
    for person in people:
        big = group(person.pk, item)
        if big is not None and big.pk not in {goal.group_id for goal in goals}:
            goals.append(
                Goal.objects.create(
                    seminar=seminar,
                    item=item,
                    group=big,
                    what=GOAL_WHAT[:600],
                    why=sentence(4, 2),
                    how_we_know=sentence(5, 2),
                    locked_at=timezone.now(),
                )
            )  # the plans build on locked goals
    Handshake.objects.bulk_create(
        Handshake(goal=goals[0], participant=person) for person in people[:75]
    )
    item = items["department_plans"]
    for person in people:
        department = group(person.pk, item)
        if department is not None and not DepartmentPlan.objects.filter(group=department).exists():
            DepartmentPlan.objects.bulk_create(
                DepartmentPlan(
                    item=item,
                    group=department,
                    goal=goal,
                    requires=sentence(6, 2),
                    how=sentence(7, 2),
                    challenges=sentence(1, 2),
                    meeting_them=sentence(2, 2),
                    key=key(),
                )
                for goal in goals
            )
    item = items["commitments"]
    Commitment.objects.bulk_create(
        Commitment(
            seminar=seminar,
            item=item,
            author=person,
            monday=sentence(n),
            share_monday=True,
            key=key(),
        )
        for n, person in enumerate(people[:75])
    )
    ManagementMessage.objects.create(
        seminar=seminar,
        text=sentence(0, 5),
        key=key(),
        author=next(p for p in people if p.role == Participant.Role.MANAGEMENT),
    )


def _showing(item: AgendaItem, what: str, ref: int | None = None) -> None:
    Showing.objects.update_or_create(item=item, defaults={"what": what, "ref": ref})


def views(item: AgendaItem) -> Iterator[tuple[str, Callable[[], None]]]:
    """Each thing the projector can show during the item, with what sets it up.

    The room's modes come first (the current item with its countdown, find your group,
    join, a message), then the item's own (all tables, the wall, a featured idea, a goal...).
    """
    state, _ = LiveState.objects.get_or_create(seminar_id=item.day.seminar_id)

    def room_mode(mode: str, message: str = "") -> Callable[[], None]:
        def setup() -> None:  # the countdown runs: it must show, in its place, in every state
            state.item, state.projector, state.message = item, mode, message
            state.timer_ends_at = timezone.now() + dt.timedelta(minutes=item.minutes or 30)
            state.timer_remaining = None
            state.save()

        return setup

    yield "item", room_mode(LiveState.Projector.ITEM)
    if item.grouping_id:
        yield "groups", room_mode(LiveState.Projector.GROUPS)
    yield "join", room_mode(LiveState.Projector.JOIN)
    yield "message", room_mode(LiveState.Projector.MESSAGE, sentence(3, 2))
    showing = Showing.What
    own: dict[str, list[tuple[str, Callable[[], None]]]] = {
        "table_talk": [
            (
                "all tables",
                lambda: TableTalkShow.objects.update_or_create(
                    item=item, defaults={"mode": "all", "group": None}
                ),
            )
        ],
        "brainstorm": [
            (
                "featured idea",
                lambda: Idea.objects.filter(
                    pk=Idea.objects.filter(item=item).order_by("pk").values("pk")[:1]
                ).update(featured=True),
            )
        ],
        "cases": [
            ("poster", lambda: _showing(item, showing.POSTER, _poster_group(item))),
            ("analysis", lambda: _showing(item, showing.ANALYSIS, _poster_group(item))),
        ],
        "goal_writing": [("goal", lambda: _showing(item, showing.GOAL, _first_goal(item)))],
        "goal_plenum": [("goal", lambda: _showing(item, showing.GOAL, _first_goal(item)))],
        "department_plans": [
            (
                "plans",
                lambda: _showing(
                    item,
                    showing.PLANS,
                    DepartmentPlan.objects.values_list("group_id", flat=True).first(),
                ),
            )
        ],
        "commitments": [
            ("management", lambda: _showing(item, showing.MANAGEMENT)),
            ("monday", lambda: _showing(item, showing.MONDAY)),
        ],
    }
    for name, setup in own.get(item.kind, []):

        def both(setup=setup) -> None:
            room_mode(LiveState.Projector.ITEM)()
            setup()

        yield name, both


def _poster_group(item: AgendaItem) -> int | None:
    return PosterNote.objects.filter(item=item).values_list("group_id", flat=True).first()


def _first_goal(item: AgendaItem) -> int | None:
    return (
        Goal.objects.filter(seminar_id=item.day.seminar_id)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )


def every_view(seminar: Seminar) -> Iterator[tuple[AgendaItem, str, Callable[[], None]]]:
    items = AgendaItem.objects.for_seminar(seminar).select_related("day", "grouping")
    return itertools.chain.from_iterable(
        ((item, name, setup) for name, setup in views(item)) for item in items
    )
