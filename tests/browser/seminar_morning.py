"""The vision morning of a whole seminar run: questions, table talk, brainstorm, vernissage,
soapbox.

Each step runs while its item is on: the browser phones do the visible thing, the roster
does the same over HTTP, and the step asserts what the projector and the phones show.
"""

import re

from django.utils import translation
from PIL import Image
from playwright.sync_api import expect

from program.models import Comment, Idea, Question, TableCard
from program.soapbox import selectors as soapbox_selectors
from program.vernissage import selectors as galleries
from seminar.models import Participant
from tests.browser.helpers import wait_live
from tests.browser.roster import everyone
from tests.browser.seminar_room import SLOW_MS, Room, heading_of_group


def send_panel(
    phone, fields: dict[str, str], *, check: str | None = None, photo: str | None = None
) -> None:
    """Fill the phone's activity panel as a person would and send it; wait for the thanks."""
    panel = phone.locator("#activity-panel")
    if check:
        panel.locator(check).check()
    for selector, text in fields.items():
        panel.locator(selector).fill(text)
    if photo:
        panel.locator("input[type=file]").set_input_files(photo)
    panel.locator("button[type=submit]").click()
    expect(panel.locator(".message-success")).to_be_visible()


def questions(room: Room, item) -> None:
    """Phones ask and vote; the tablet puts the top question on the projector and marks it
    answered."""
    slug, a = room.seminar.slug, room.phones["A"]
    text = "Hvordan mærker borgerne visionen i 2017?"
    send_panel(a, {"#id_text": text})
    question = Question.objects.get(item=item, author=room.people["A"])
    ask, vote = f"/s/{slug}/questions/{item.pk}/ask/", f"/s/{slug}/questions/vote/{question.pk}/"
    askers, voters = room.roster[:8], room.roster[:30]
    everyone(
        askers, lambda p: p.send(p.panel(item), ask, text=f"Et spørgsmål fra {p.participant.name}")
    )
    everyone(voters, lambda p: p.send(p.program(), vote))
    b_vote = room.phones["B"].locator(f'#questions-list button[data-mark="q-{question.pk}"]')
    expect(b_vote).to_have_text(
        re.compile(rf"^▲ {len(voters)} stemme"), timeout=SLOW_MS
    )  # the room's votes are in
    b_vote.click()
    expect(b_vote).to_have_attribute("aria-pressed", "true")

    top = a.locator("#questions-list li.question").first
    expect(a.locator("#questions-list li.question")).to_have_count(1 + len(askers))
    expect(top.locator(".text")).to_have_text(text)
    expect(top.locator("button.vote")).to_have_text(re.compile(rf"^▲ {len(voters) + 1} stemme"))
    room.tablet.locator(f"#q-feature-{question.pk}").click()
    expect(room.projector.locator(".featured-question .lead")).to_have_text(text)
    expect(room.projector.locator(".featured-question footer")).to_have_text(
        f"— {room.people['A'].name}"
    )
    room.tablet.locator(f"#q-answered-{question.pk}").click()
    answered = a.locator("#questions-list li.question").last  # answered ones go to the bottom
    expect(answered).to_have_class(re.compile(r"\bis-answered\b"))
    expect(answered.locator(".text")).to_have_text(text)
    room.visited.append(item.kind)


def your_tables(room: Room, rounds: str) -> None:
    """Every phone shows its own group of the round, with its members."""
    for key, phone in room.phones.items():
        group = room.group_of(key, rounds)
        expect(phone.locator("#phone-group h2")).to_have_text(heading_of_group(group.name))
        expect(phone.locator("#phone-group .members li")).to_have_count(len(room.members(group)))


def table_talk(room: Room, item) -> None:
    """Cards from the tables: A's table sees its cards live; the projector shows every table, then
    A's."""
    your_tables(room, "tables")
    slug, a = room.seminar.slug, room.phones["A"]
    table = room.group_of("A", "tables")
    mates = room.roster_at(table)
    writers = mates + room.one_per_group("tables", but=table)
    everyone(
        writers,
        lambda p: p.send(
            p.panel(item),
            f"/s/{slug}/tables/{item.pk}/card/",
            kind="possibility",
            text=f"Mulighed set af {p.participant.name}",
        ),
    )
    challenge = "Udfordring: visionen er svær at oversætte til hverdagen"
    send_panel(a, {"#id_card_text": challenge}, check="input[value=challenge]")

    cards = a.locator("#table-cards")
    expect(cards.locator(".is-challenge li.card")).to_have_text([challenge], timeout=SLOW_MS)
    expect(cards.locator(".is-possibility li.card")).to_have_count(len(mates), timeout=SLOW_MS)
    room.tablet.locator("#show-all-tables").click()
    shown = room.projector.locator("#table-cards-shown")
    expect(shown.locator(".is-possibility li.card")).to_have_count(len(writers))
    expect(shown.locator(".is-challenge li.card")).to_have_text([f"{challenge} {table.name}"])
    room.tablet.locator(f"#show-table-{table.pk}").click()
    expect(shown.locator("h2")).to_have_text(table.name)
    expect(shown.locator(".is-possibility li.card")).to_have_count(len(mates))
    assert TableCard.objects.filter(item=item).count() == len(writers) + 1
    room.visited.append(item.kind)


def poster_photo(path) -> str:
    Image.new("RGB", (400, 300), (30, 110, 200)).save(path, format="JPEG")
    return str(path)


def brainstorm(room: Room, item, photo: str) -> None:
    """Ideas from every table join the projector's wall; A's photo idea is featured on it."""
    slug, a = room.seminar.slug, room.phones["A"]
    writers = [p for table in room.rounds["tables"].groups.all() for p in room.roster_at(table)[:2]]
    everyone(
        writers,
        lambda p: p.send(
            p.panel(item), f"/s/{slug}/ideas/{item.pk}/send/", text=f"Idé fra {p.participant.name}"
        ),
    )
    text = "Visionen som plakat i hver institution"
    send_panel(a, {"#id_idea_text": text}, photo=photo)

    wall = room.projector.locator("#idea-wall")
    card = wall.locator("article.idea", has_text=text)
    expect(card.locator("img")).to_be_visible(timeout=SLOW_MS)
    expect(a.locator("#table-ideas")).to_contain_text(text)
    idea = Idea.objects.get(item=item, author=room.people["A"])
    room.tablet.locator(f"#idea-feature-{idea.pk}").click()
    expect(wall.locator(f"#wall-idea-{idea.pk}")).to_have_class(re.compile(r"\bis-featured\b"))
    # Every idea stays on the wall (the projector pages what does not fit on one screen).
    expect(wall.locator("article.idea")).to_have_count(1 + len(writers))
    room.visited.append(item.kind)


def vernissage(room: Room, item) -> None:
    """Hosts and visitors: B comments on A's idea in A's gallery, A's table sees it arrive live;
    the roster visits other tables; the rota moves on and the closing remarks reach the
    projector."""
    slug, a, b = room.seminar.slug, room.phones["A"], room.phones["B"]
    state = galleries.state(item)
    for key, phone in room.phones.items():
        group = room.group_of(key, "tables")
        hosting = room.people[key] in galleries.hosts(group, state)
        expect(phone.locator("#gallery-turn .host-now")).to_be_visible(visible=hosting)
        expect(phone.locator("#gallery-turn .go-visiting")).to_be_visible(visible=not hosting)
    table = room.group_of("A", "tables")
    idea = Idea.objects.get(author=room.people["A"])

    b.locator("#phone-live a.button-link").click()
    b.get_by_role("link", name=table.name, exact=True).click()
    gallery = b.locator(f"#gallery-idea-{idea.pk}")
    gallery.locator(f"#react-love-{idea.pk}").click()
    expect(gallery.locator(f"#react-love-{idea.pk}")).to_have_attribute("aria-pressed", "true")
    comment = "Den plakat vil jeg have hængende i Jobcentret"
    gallery.locator(f"#comment-{idea.pk}").fill(comment)
    gallery.locator("form.submit-form button[type=submit]").click()
    expect(gallery.locator(".message-success")).to_be_visible()
    expect(gallery.locator(".comments q")).to_have_text([comment])
    expect(a.locator("#gallery-hosts .comments q").first).to_have_text(comment)

    visitors = [p for p in room.roster if room.group_of(p.participant, "tables").pk != table.pk][
        :12
    ]
    gallery_url = f"/s/{slug}/galleries/{item.pk}/{table.pk}/"

    def visit(phone):
        page = phone.get(gallery_url)
        phone.send(page, f"/s/{slug}/galleries/react/{idea.pk}/", button=("kind", "like"))
        phone.send(
            page,
            f"/s/{slug}/galleries/comment/{idea.pk}/",
            text=f"Flot, hilsen {phone.participant.name}",
        )

    everyone(visitors, visit)
    shown = a.locator("#gallery-hosts .comments q")  # the newest comments, up to 8
    expect(shown).to_have_count(min(1 + len(visitors), galleries.LATEST_COMMENTS), timeout=SLOW_MS)
    expect(shown.first).to_have_text(Comment.objects.filter(idea=idea).latest("pk").text)

    turn = room.projector.locator("#vernissage-projector .turn")
    first_turn = turn.text_content()
    room.tablet.locator("#vernissage-next-hosts").click()
    expect(turn).not_to_have_text(first_turn)
    expect(turn).to_contain_text("2")
    closing = "Vi så plakater, sange og et lille skuespil om Varde i 2017."
    room.tablet.locator("#id_closing").fill(closing)
    room.tablet.locator("#closing-show").click()
    expect(room.projector.locator("#vernissage-projector blockquote.closing")).to_have_text(closing)
    b.goto(f"/s/{slug}/")
    wait_live(b)
    room.visited.append(item.kind)


def soapbox(room: Room, item) -> None:
    """The big groups' soapbox: A drafts a speech; the process leader draws three speakers, which
    every phone of the group shows, and moves the group on to the speeches; the other groups'
    leaders draw theirs over HTTP; the projector shows the phases, the tablet every group."""
    slug, a, leader = room.seminar.slug, room.phones["A"], room.phones["leader"]
    your_tables(room, "big")
    group = room.group_of("leader", "big")
    with translation.override("da"):
        prepare, speeches = (str(phase.label) for phase in soapbox_selectors.PHASES[:2])
        expect(room.projector.locator("ol.soapbox-phases li")).to_have_text(
            [str(phase.label) for phase in soapbox_selectors.PHASES]
        )
    for phone in room.phones.values():
        expect(phone.locator(f"#soapbox-{item.pk}-phase")).to_have_text(prepare)
    draft = a.locator("#id_draft-message")
    draft.click()
    draft.press_sequentially("Vi lytter til borgerne")

    leader.locator("#soapbox-choose").click()
    expect(leader.locator(".soapbox .lineup .name")).to_have_count(3)
    drawn = [speaker.participant.name for speaker in soapbox_selectors.lineup(item, group)]
    for phone in (a, leader):
        expect(phone.locator(".soapbox .lineup .name")).to_have_text(drawn)
    expect(draft).to_have_value("Vi lytter til borgerne")  # the group's push left A's typing alone
    # The group's push can reach the leader before the answer to the leader's own click: a person
    # presses "next" once their own controls show the draw (an older form is refused as stale).
    expect(leader.locator("#soapbox-choose")).to_have_text("Vælg talerne igen")
    leader.locator("#soapbox-next").click()
    for phone in (a, leader):
        expect(phone.locator(f"#soapbox-{item.pk}-phase")).to_have_text(speeches)

    others = [
        (phone, room.group_of(phone.participant, "big"))
        for phone in room.roster
        if phone.participant.role == Participant.Role.PROCESS_LEADER
    ]
    everyone(
        others,
        lambda pair: pair[0].send(
            pair[0].program(),
            f"/s/{slug}/soapbox/{item.pk}/lead/{pair[1].pk}/",
            button=("action", "speakers"),
        ),
    )
    for phone in room.phones.values():
        expect(phone.locator(".soapbox .lineup .name")).to_have_count(3)
    rows = room.tablet.locator(f"#soapbox-{item.pk}-tablet tbody tr")
    expect(rows).to_have_count(4)
    expect(room.tablet.locator(f"#soapbox-row-{group.pk} td").first).to_contain_text(speeches)
    room.visited.append(item.kind)
