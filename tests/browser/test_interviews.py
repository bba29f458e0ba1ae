"""Citizen interviews in Chromium: homework handed in days ahead reaches the right table at
13:00; in the plenum the facilitator picks an interview and the projector shows it."""

import uuid

import pytest
from playwright.sync_api import expect

from groups import selectors as group_selectors
from groups import services as group_services
from interviews import services
from tests import factories
from tests.browser.conftest import in_thread, mark_loaded, was_not_reloaded
from tests.browser.helpers import open_program
from tests.interviews.conftest import add_interview_items

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>'


def roster(seminar, count=4):
    departments = [
        factories.department(seminar, name) for name in ("Børn og Unge", "Teknik og Miljø")
    ]
    return [
        factories.participant(seminar, name=f"Leder {n}", department=departments[n % 2])
        for n in range(1, count + 1)
    ]


def write_interview(phone, *, who: str, said: str, quote: str) -> None:
    phone.locator(".homework-link a").click()
    phone.locator("#homework-interview a").click()
    phone.locator("#id_who").fill(who)
    phone.locator("#id_said").fill(said)
    phone.locator("#id_quotes").fill(quote)
    phone.locator("#id_tags_1").check()  # surprising
    phone.locator("#interview-save").click()
    expect(phone.locator("#interview-editor .message-success")).to_be_visible()


def test_homework_handed_in_before_the_seminar_appears_at_the_right_table(seminar, screens):
    borde = factories.grouping(seminar, "Borde", label="Bord", group_size=2)
    tables_item, _ = add_interview_items(seminar, borde)
    people = roster(seminar)
    author = screens.phone(people[0])

    # Days ahead: the interview through the personal link; the privacy check warns while typing.
    write_interview(
        author,
        who="Forælder til to, bruger dagplejen",
        said="Man bliver stillet om tre gange, men dagplejeren er fantastisk.",
        quote="Jeg ved aldrig hvem jeg skal ringe til",
    )
    author.locator("#id_said").fill("Ring til hende på 20 45 67")
    # Typed, not pasted: each key is an input event, the last well after any swap has settled.
    author.locator("#id_said").press_sequentially(" 89", delay=100)
    expect(author.locator("#privacy-warning .warning")).to_be_visible()
    author.locator("#id_said").fill(
        "Man bliver stillet om tre gange, men dagplejeren er fantastisk."
    )
    expect(author.locator("#privacy-warning .warning")).to_have_count(0)

    # The seminar day: the tables of round 2 are formed and published, then 13:00 comes.
    round_ = in_thread(group_services.form_round, grouping=borde, number=2, seed=7)
    in_thread(group_services.publish_round, round_=round_)
    mine = group_selectors.group_of(people[0].pk, round_)
    mate = next(p for p in people[1:] if group_selectors.group_of(p.pk, round_) == mine)
    stranger = next(p for p in people[1:] if group_selectors.group_of(p.pk, round_) != mine)
    mate_phone, stranger_phone = screens.phone(mate), screens.phone(stranger)
    tablet = screens.tablet(seminar)
    for page in (mate_phone, stranger_phone):
        mark_loaded(page)
        expect(page.locator("#interview-table")).to_have_count(0)

    open_program(tablet)
    tablet.locator(f"#jump-{tables_item.pk}").click()

    table = mate_phone.locator("#interview-table")
    expect(table).to_contain_text(f"{mine.name}")
    expect(table.locator("article.interview")).to_contain_text("dagplejeren er fantastisk")
    expect(table.locator("q")).to_have_text("Jeg ved aldrig hvem jeg skal ringe til")
    expect(stranger_phone.locator("#interview-table")).to_be_visible()
    expect(stranger_phone.locator("#interview-table")).not_to_contain_text("dagplejeren")
    assert was_not_reloaded(mate_phone) and was_not_reloaded(stranger_phone)

    # The table records a red thread; it arrives on the table mate's phone only.
    mate_phone.locator("#id_card_text").fill("Ingen ved hvem de skal ringe til")
    mate_phone.locator("#card-add").click()
    expect(mate_phone.locator("#cards-thread")).to_contain_text("Ingen ved hvem de skal ringe til")
    expect(stranger_phone.locator("#cards-thread")).not_to_contain_text("Ingen ved")


def test_a_facilitator_picks_an_interview_and_the_projector_shows_it(seminar, screens):
    _, plenum = add_interview_items(seminar, factories.grouping(seminar, "Borde"))
    quiet, named = roster(seminar, 2)
    services.save_interview(
        author=quiet,
        who="Pensionist " + HOSTILE,
        said="Hjemmeplejen kommer altid til tiden.",
        quotes="",
        tags=["confirming"],
        show_name=False,
        version=0,
        key=uuid.uuid4(),
    )
    chosen = services.save_interview(
        author=named,
        who="Landmand",
        said="Der er for mange skemaer, men sagsbehandleren ringede selv.",
        quotes="Hun ringede faktisk tilbage",
        tags=["surprising", "strange"],
        show_name=False,
        version=0,
        key=uuid.uuid4(),
    )
    projector = screens.projector(seminar)
    tablet = screens.tablet(seminar)
    mark_loaded(projector)
    open_program(tablet)
    tablet.locator(f"#jump-{plenum.pk}").click()
    expect(projector.locator("#projector-screen h1")).to_have_text("Plenum-tilbagemelding")

    tablet.locator("#picker-surprising").click()
    expect(tablet.locator(".interview-list section")).to_have_count(1)
    tablet.locator(f"#id_tag_{chosen.pk}").select_option("surprising")
    tablet.locator(f"#show-{chosen.pk}").click()

    shown = projector.locator(".projected-interview")
    expect(shown).to_contain_text("Der er for mange skemaer")
    expect(shown.locator("q")).to_have_text("Hun ringede faktisk tilbage")
    expect(shown).not_to_contain_text(named.name)
    assert was_not_reloaded(projector)

    # The other one, with markup in its text: shown as text, nothing runs.
    tablet.goto(f"/s/{seminar.slug}/run/interviews/?item={plenum.pk}")
    tablet.locator("section.group-card", has_text="Hjemmeplejen").locator(
        "button[value=show]"
    ).click()
    expect(shown).to_contain_text("Hjemmeplejen kommer altid til tiden.")
    expect(shown.locator(".lead")).to_have_text("Pensionist " + HOSTILE)
    assert projector.evaluate("window.__pwned === undefined")


def test_interview_pages_have_no_serious_accessibility_violations(seminar, screens):
    from tests.browser.helpers import axe_violations, describe_violations

    borde = factories.grouping(seminar, "Borde", label="Bord", group_size=2)
    tables_item, plenum = add_interview_items(seminar, borde)
    people = roster(seminar)
    phone = screens.phone(people[0], bypass_csp=True)
    write_interview(
        phone, who="Nabo til skolen", said="Ring til hende på 20 45 67 89", quote="Det var fint"
    )
    expect(phone.locator("#privacy-warning .warning")).to_be_visible()
    checks = [(phone, "interview form with a privacy warning")]
    hub = screens.new_page(bypass_csp=True)
    hub.goto(f"/p/{people[0].token}/")
    hub.goto(f"/s/{seminar.slug}/homework/")
    checks.append((hub, "homework hub"))
    round_ = in_thread(group_services.form_round, grouping=borde, number=2, seed=7)
    in_thread(group_services.publish_round, round_=round_)
    tablet = screens.tablet(seminar, bypass_csp=True)
    open_program(tablet)
    tablet.locator(f"#jump-{tables_item.pk}").click()
    expect(tablet.locator("#interview-tables-tablet")).to_be_visible()
    checks.append((tablet, "tablet at the tables"))
    table_phone = screens.phone(people[1], bypass_csp=True)
    expect(table_phone.locator("#interview-cards")).to_be_visible()
    checks.append((table_phone, "phone at the tables"))
    picker = screens.tablet(seminar, bypass_csp=True)
    picker.goto(f"/s/{seminar.slug}/run/interviews/?item={plenum.pk}")
    checks.append((picker, "interview picker"))
    status = screens.tablet(seminar, bypass_csp=True)
    status.goto(f"/s/{seminar.slug}/run/homework/")
    checks.append((status, "homework overview"))

    found = {what: describe_violations(v) for page, what in checks if (v := axe_violations(page))}
    assert not found, "\n".join(f"axe on the {what}:\n{text}" for what, text in found.items())
