"""Citizens and co-creation in a whole seminar run: homework, interviews, cases, goals, plans,
commitments.

As in `seminar_morning`: the browser phones act by clicking, the roster over HTTP, and each
step asserts what the projector and the phones show.
"""

from playwright.sync_api import expect

from goals.models import Case, Goal
from interviews.models import Interview
from tests.browser.helpers import wait_live
from tests.browser.roster import HttpPhone, everyone
from tests.browser.seminar_room import SLOW_MS, Room

INTERVIEW = {
    "who": "Forælder til to, bruger dagplejen",
    "said": "Man bliver stillet om tre gange, men dagplejeren er fantastisk.",
    "quote": "Jeg ved aldrig hvem jeg skal ringe til",
}


def homework(room: Room, url: str) -> None:
    """Days ahead: A writes the citizen interview on the phone; everyone else hands in the
    interview and the own co-creation case over HTTP (from whatever device they had)."""
    slug, a = room.seminar.slug, room.phones["A"]
    a.locator(".homework-link a").click()
    a.locator("#homework-interview a").click()
    a.locator("#id_who").fill(INTERVIEW["who"])
    a.locator("#id_said").fill(INTERVIEW["said"])
    a.locator("#id_quotes").fill(INTERVIEW["quote"])
    a.locator("input[name=tags][value=surprising]").check()
    a.locator("#id_show_name").check()
    a.locator("#interview-save").click()
    expect(a.locator("#interview-editor .message-success")).to_be_visible()
    a.goto(f"/s/{slug}/")
    wait_live(a)

    def hand_in(phone: HttpPhone) -> None:
        name = phone.participant.name
        interview, case = f"/s/{slug}/homework/interview/", f"/s/{slug}/goals/case/"
        if phone.participant != room.people["A"]:  # A's interview is in already
            phone.send(
                phone.get(interview),
                interview,
                who="Nabo til rådhuset",
                tags=["confirming"],
                said=f"Borgeren, som {name} talte med, savner et fast kontaktpunkt.",
                quotes="Ring nu tilbage",
            )
        phone.send(
            phone.get(case),
            case,
            title=f"Samskabelse hos {name}",
            partners=["citizens", "associations"],
            what_happened="Vi inviterede foreningerne ind fra starten.",
            themes="Tillid, tid",
        )

    their_own = [HttpPhone(url, person) for person in room.people.values()]
    everyone(room.roster + their_own, hand_in)
    assert (
        Interview.objects.filter(author__seminar=room.seminar).count()
        == room.seminar.participants.count()
    )
    assert Case.objects.filter(seminar=room.seminar).count() == room.seminar.participants.count()
    room.visited.append("homework")


def interview_tables(room: Room, item) -> None:
    """At 13:00 A's homework is at A's round-2 table, on B's phone; B records a red thread,
    which reaches A's phone."""
    slug, a, b = room.seminar.slug, room.phones["A"], room.phones["B"]
    table = room.group_of("A", "tables 2")
    assert room.group_of("B", "tables 2") == table
    read = b.locator("#interview-table")
    expect(read.locator("article.interview")).to_have_count(len(room.members(table)))
    mine = read.locator("article.interview", has_text=INTERVIEW["said"])
    expect(mine.locator(".who")).to_have_text(INTERVIEW["who"])
    expect(mine.locator("q")).to_have_text([INTERVIEW["quote"]])

    thread = "Ingen ved, hvem de skal ringe til"
    b.locator("#id_card_text").fill(thread)
    b.locator("#card-add").click()
    expect(b.locator("#activity-panel .message-success")).to_be_visible()
    expect(a.locator("#cards-thread li")).to_have_text([thread])
    writers = room.one_per_group("tables 2", but=table)
    everyone(
        writers,
        lambda p: p.send(
            p.panel(item),
            f"/s/{slug}/interviews/{item.pk}/cards/",
            kind="difference",
            text=f"Forskel set af {p.participant.name}",
        ),
    )
    expect(room.tablet.locator("#interview-tables-tablet")).to_contain_text(thread)
    expect(room.tablet.locator("#interview-tables-tablet .cards li:not(.help)")).to_have_count(
        1 + len(writers), timeout=SLOW_MS
    )
    expect(a.locator("#interview-cards")).not_to_contain_text(
        "Forskel set af"
    )  # other tables' cards
    room.visited.append(item.kind)


def interview_plenum(room: Room, item) -> None:
    """The facilitator picks A's surprising interview and the projector shows it, with A's name
    because A agreed."""
    interview = Interview.objects.get(author=room.people["A"])
    room.tablet.locator("#picker-surprising").click()
    room.tablet.locator(f"#id_tag_{interview.pk}").select_option("surprising")
    room.tablet.locator(f"#show-{interview.pk}").click()
    shown = room.projector.locator(".projected-interview")
    expect(shown.locator(".lead")).to_have_text(INTERVIEW["who"])
    expect(shown.locator(".said")).to_have_text(INTERVIEW["said"])
    expect(shown.locator("q")).to_have_text([INTERVIEW["quote"]])
    expect(shown.locator(".by")).to_contain_text(room.people["A"].name)
    room.run_page()
    room.visited.append(item.kind)


def cases(room: Room, item) -> None:
    """In the big groups: the cases from the homework, a shared poster, the leader's pick,
    the facilitator's analysis on the projector, and A's private takeaway."""
    slug, a, leader = room.seminar.slug, room.phones["A"], room.phones["leader"]
    group = room.group_of("A", "big")
    assert room.group_of("leader", "big") == group
    expect(a.locator("#case-group ol.cases details summary strong")).to_have_count(
        len(room.members(group))
    )
    theme = "Tillid tager tid"
    a.locator("#poster-note-form textarea").fill(theme)
    a.locator("#poster-note-form button[type=submit]").click()
    expect(a.locator("#poster-note-form .message-success")).to_be_visible()
    expect(leader.locator("#case-group .poster-themes li")).to_have_text([theme])
    case = Case.objects.get(author=room.people["A"])
    leader.locator(f"#pick-case-{case.pk}").check()
    leader.locator("#case-pick-form button[type=submit]").click()
    expect(a.locator("#case-group .callout")).to_contain_text(case.title)

    def other_group(phone: HttpPhone) -> None:
        panel = phone.panel(item)
        phone.send(
            panel,
            f"/s/{slug}/goals/cases/{item.pk}/note/",
            kind="practice",
            text=f"God praksis fra {phone.participant.name}",
        )

    everyone(room.one_per_group("big", but=group), other_group)

    room.tablet.locator(f"#show-poster-{group.pk}").click()
    poster = room.projector.locator(".projected-poster")
    expect(poster.locator(".poster-themes li")).to_have_text([theme])
    room.tablet.locator(f'#cases-tablet-{group.pk} a[href$="/analysis/{group.pk}/"]').click()
    room.tablet.locator("#id_went_well").fill("Forældrene var med fra første dag.")
    room.tablet.locator("#id_could_be_better").fill("Pædagogerne fik for lidt tid.")
    room.tablet.locator("#id_how").fill("Sæt tid af i personalemødet.")
    room.tablet.locator("#analysis-save-show").click()
    room.tablet.wait_for_url(f"**/s/{slug}/run/")
    wait_live(room.tablet)
    analysis = room.projector.locator(".projected-analysis")
    expect(analysis.locator("h2")).to_contain_text(case.title)
    expect(analysis.locator("dd")).to_have_text(
        [
            "Forældrene var med fra første dag.",
            "Pædagogerne fik for lidt tid.",
            "Sæt tid af i personalemødet.",
        ]
    )
    a.locator("#takeaway-form textarea").fill("Inviter forældrene før vi skriver planen")
    a.locator("#takeaway-form button[type=submit]").click()
    expect(a.locator("#takeaway-form .message-success")).to_be_visible()
    expect(leader.locator("body")).not_to_contain_text("Inviter forældrene")  # private to A
    room.visited.append(item.kind)


GOAL = "Hver forvaltning har et samskabelsesprojekt med borgerne i 2017"


def goal_writing(room: Room, item) -> None:
    """Each big group writes its goal; A's group sees A's text arrive; the facilitator locks
    them."""
    slug, a, leader = room.seminar.slug, room.phones["A"], room.phones["leader"]
    form = a.locator("#goal-form")
    form.locator("[name=what]").fill(GOAL)
    form.locator("[name=why]").fill("Visionen skal mærkes af borgerne")
    form.locator("[name=how_we_know]").fill("Fire projekter er i gang til sommer")
    form.locator("#goal-save").click()
    expect(form.locator(".message-success")).to_be_visible()
    expect(leader.locator("#goal-group .goal-what")).to_have_text(GOAL)
    everyone(
        room.one_per_group("big", but=room.group_of("A", "big")),
        lambda p: p.send(
            p.panel(item),
            f"/s/{slug}/goals/goal/{item.pk}/write/",
            what=f"Mål skrevet af {p.participant.name}",
        ),
    )
    goals = list(Goal.objects.filter(seminar=room.seminar))
    assert len(goals) == 4
    for goal in goals:
        room.tablet.locator(f"#goal-lock-{goal.pk}").click()
        expect(room.tablet.locator(f"#goal-unlock-{goal.pk}")).to_be_visible(timeout=SLOW_MS)
    expect(a.locator("#goal-group .callout")).to_be_visible()
    room.visited.append(item.kind)


def goal_plenum(room: Room, item) -> None:
    """The facilitator shows A's group's goal; the roster and the four phones shake hands on it,
    and the projector counts them live, with names."""
    slug = room.seminar.slug
    goal = Goal.objects.get(seminar=room.seminar, what=GOAL)
    for phone in room.phones.values():
        expect(phone.locator("#goals-plenum ol.goals > li")).to_have_count(4)
    room.tablet.locator(f"#show-goal-{goal.pk}").click()
    shown = room.projector.locator(".projected-goal")
    expect(shown.locator(".goal-what")).to_have_text(GOAL)
    count = shown.locator("#goal-handshakes .count")
    expect(count).to_have_text("0")
    everyone(room.roster, lambda p: p.send(p.program(), f"/s/{slug}/goals/goal/{goal.pk}/shake/"))
    expect(count).to_have_text(str(len(room.roster)), timeout=SLOW_MS)
    for shaken, phone in enumerate(room.phones.values(), start=len(room.roster) + 1):
        phone.locator(f"#shake-{goal.pk}").click()
        expect(phone.locator(f"#shake-{goal.pk}")).to_have_attribute("aria-pressed", "true")
        expect(count).to_have_text(str(shaken))
    expect(shown.locator(".handshake-names li")).to_have_count(room.seminar.participants.count())
    assert goal.handshakes.count() == room.seminar.participants.count()
    room.visited.append(item.kind)


def department_plans(room: Room, item) -> None:
    """Department groups plan for the locked goals; the projector shows A's department's plan."""
    slug, a = room.seminar.slug, room.phones["A"]
    your_groups = room.group_of("A", "departments")
    goal = Goal.objects.get(seminar=room.seminar, what=GOAL)
    form = a.locator(f"#plan-form-{goal.pk}")
    requires = "Et fast kontaktpunkt for forældre i hvert dagtilbud"
    form.locator(f"[name='goal{goal.pk}-requires']").fill(requires)
    form.locator(f"[name='goal{goal.pk}-how']").fill("Vi starter i tre børnehaver")
    form.locator("button[type=submit]").click()
    expect(form.locator(".message-success")).to_be_visible()
    expect(a.locator("#plans-group")).to_contain_text(requires)
    everyone(
        room.one_per_group("departments", but=your_groups),
        lambda p: p.send(
            p.panel(item),
            f"/s/{slug}/goals/plans/{item.pk}/{goal.pk}/",
            **{f"goal{goal.pk}-requires": f"Plan fra {p.participant.department.name}"},
        ),
    )
    room.tablet.locator(f"#show-plans-{your_groups.pk}").click()
    plans = room.projector.locator(".projected-plans")
    expect(plans.locator("h2")).to_have_text(your_groups.name)
    expect(plans.locator("dd").first).to_have_text(requires)
    room.visited.append(item.kind)


def commitments(room: Room, item) -> None:
    """Each leader's Monday; management's message; the projector shows both; A's calendar
    reminder."""
    slug, a, management = room.seminar.slug, room.phones["A"], room.phones["management"]
    monday = "Mandag kl. 9 fortæller jeg personalet om målet"
    form = a.locator("#commitment-form")
    form.locator("[name=agreements]").fill("Vi mødes i forvaltningsgruppen igen om en måned")
    form.locator("[name=monday]").fill(monday)
    form.locator("[name=message_1]").fill("Vi skal samskabe med forældrene")
    form.locator("[name=audience_1]").fill("Mine pædagoger")
    form.locator("[name=share_monday]").check()
    form.locator("#commitment-save").click()
    expect(form.locator(".message-success")).to_be_visible()
    message = "Tak for to gode dage. Direktionen følger målene hvert kvartal."
    management.locator("#management-form textarea").fill(message)
    management.locator("#management-save").click()
    expect(management.locator("#management-form .message-success")).to_be_visible()
    sharing = room.roster[:30]
    everyone(
        sharing,
        lambda p: p.send(
            p.panel(item),
            f"/s/{slug}/goals/commitments/{item.pk}/",
            monday=f"{p.participant.name} holder et personalemøde",
            share_monday="on",
        ),
    )

    room.tablet.locator("#show-management").click()
    expect(room.projector.locator(".projected-message .lead")).to_have_text(
        message, timeout=SLOW_MS
    )
    room.tablet.locator("#show-monday").click()
    actions = room.projector.locator(".projected-monday li")
    expect(actions).to_have_count(1 + len(sharing))
    expect(actions.filter(has_text=monday)).to_have_count(1)
    reminder = a.request.get(f"/s/{slug}/goals/commitments/mine.ics")
    assert reminder.status == 200 and "BEGIN:VCALENDAR" in reminder.text()
    assert monday in reminder.text().replace("\r\n ", "")
    room.visited.append(item.kind)
