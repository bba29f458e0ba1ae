"""A whole seminar in the browser: the screens in the room, who holds them, and the passive items.

`Room` holds the facilitator's tablet, the projector, a few phones in Chromium (each a
named person) and the rest of the roster as `HttpPhone`s; it knows the published rounds
so that a step can ask who sits with whom.
"""

from dataclasses import dataclass, field

from playwright.sync_api import Page, expect

from groups import selectors as group_selectors
from groups.models import Group, Round
from program.models import AgendaItem
from seminar.models import Participant, Seminar
from tests.browser.helpers import wait_live
from tests.browser.roster import HttpPhone

# A push after a burst of roster requests may queue behind their renders on a busy machine.
SLOW_MS = 15_000


@dataclass
class Room:
    seminar: Seminar
    tablet: Page
    projector: Page
    phones: dict[str, Page]  # by role in the story: "A", "B", "leader", "management"
    people: dict[str, Participant]  # the same keys
    roster: list[HttpPhone]  # everyone without a browser
    rounds: dict[str, Round]  # "tables", "tables 2", "big", "departments"
    visited: list[str] = field(default_factory=list)  # the kinds a step acted on

    # --- Who sits where -----------------------------------------------------------

    def group_of(self, who: str | Participant, rounds: str) -> Group:
        person = self.people[who] if isinstance(who, str) else who
        return group_selectors.group_of(person.pk, self.rounds[rounds])

    def members(self, group: Group) -> list[Participant]:
        return next(
            people for g, people in group_selectors.round_members(group.round) if g.pk == group.pk
        )

    def roster_at(self, group: Group) -> list[HttpPhone]:
        ids = {person.pk for person in self.members(group)}
        return [phone for phone in self.roster if phone.participant.pk in ids]

    def one_per_group(self, rounds: str, but: Group | None = None) -> list[HttpPhone]:
        """One roster phone from each group of the round (except `but`)."""
        chosen = []
        for group, _ in group_selectors.round_members(self.rounds[rounds]):
            if but is None or group.pk != but.pk:
                chosen += self.roster_at(group)[:1]
        return chosen

    # --- The tablet ---------------------------------------------------------------

    def run_page(self) -> None:
        """The tablet back on the run page (after a groups, picker or analysis page)."""
        self.tablet.goto(f"/s/{self.seminar.slug}/run/")
        wait_live(self.tablet)

    def next(self, item: AgendaItem) -> None:
        """ "Næste" on the tablet; the projector and every phone show the item."""
        self.tablet.get_by_role("button", name="Næste", exact=True).click()
        expect(self.tablet.locator("#current-heading")).to_have_text(item.title)
        # The room's push may queue behind the last activity's pushes on a busy machine.
        expect(self.projector.locator("#projector-screen h1")).to_have_text(
            item.title, timeout=SLOW_MS
        )
        for phone in self.phones.values():
            expect(phone.locator("#phone-live .now h2")).to_have_text(item.title, timeout=SLOW_MS)
            expect(phone.locator("#phone-program li.is-now .title")).to_have_text(item.title)


def phone_text(phone: Page):
    """The item's own text on a phone (the passive kinds' template)."""
    return phone.locator("#phone-live .now > p:not(.when):not(.next):not(.countdown)").first


# --- The passive kinds -------------------------------------------------------------


def a_break(room: Room, item: AgendaItem) -> None:
    """A break or a meal: every phone says when the room starts again."""
    back = (
        AgendaItem.objects.filter(day=item.day, position__gt=item.position)
        .order_by("position")
        .first()
    )
    if back is None:
        return
    for phone in room.phones.values():
        expect(phone.locator("#phone-live .now .callout")).to_have_text(
            f"Vi starter igen kl. {back.start:%H:%M}."
        )
    room.visited.append("break")


def a_talk(room: Room, item: AgendaItem) -> None:
    expected = f"{item.start:%H:%M}" + (f" · {item.leads}" if item.leads else "")
    expect(room.projector.locator("#projector-screen .when")).to_have_text(expected)
    if item.text:
        expect(room.projector.locator("#projector-screen .lead")).to_have_text(item.text)


def offsite(room: Room, item: AgendaItem) -> None:
    """The walk: meeting place and return time on every phone and on the projector."""
    back = f"{item.returns_at:%H:%M}"
    for phone in room.phones.values():
        expect(phone.locator("#phone-live .facts dt")).to_have_text(["Mødested", "Tilbage kl."])
        expect(phone.locator("#phone-live .facts dd")).to_have_text([item.place, back])
    facts = room.projector.locator("#projector-screen .lead").filter(
        has=room.projector.locator("strong")
    )
    expect(facts).to_have_text([f"Mødested: {item.place}", f"Tilbage kl.: {back}"])
    room.visited.append(item.kind)


SURPRISE = "En overraskelse – afsløres, når den begynder."


def information(room: Room, item: AgendaItem) -> None:
    """An information item; the secret evening item is a surprise until the tablet reveals it."""
    if not item.secret:
        a_talk(room, item)
        return
    for phone in room.phones.values():
        expect(phone_text(phone)).to_have_text(SURPRISE)
        expect(phone.locator("#phone-live")).not_to_contain_text(item.text)
    expect(room.projector.locator("#projector-screen .lead")).to_have_text(SURPRISE)

    room.tablet.locator("#reveal-current").click()

    for page in (room.projector, *room.phones.values()):
        expect(page.locator("#projector-screen, #phone-live").first).to_contain_text(item.text)
    expect(room.projector.locator("#projector-screen .lead")).to_have_text(item.text)
    room.visited.append("secret")


PASSIVE = {
    "break": a_break,
    "meal": a_break,
    "talk": a_talk,
    "info": information,
    "offsite": offsite,
}


def heading_of_group(name: str) -> str:
    return f"Din gruppe nu: {name}"
