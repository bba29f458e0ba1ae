"""A facilitator sends the invitations from the people page and sees each person's mail go;
the e-mail pages pass axe-core without serious findings."""

import pytest
from playwright.sync_api import expect

from seminar.invitations import services
from tests import factories
from tests.browser.helpers import axe_violations, describe_violations, in_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page, what: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe on the {what}:\n{describe_violations(violations)}"


def test_send_invitations_and_see_each_person_sent(seminar, screens):
    people = [
        factories.participant(seminar, f"Deltager {n}", email=f"deltager{n}@example.org")
        for n in range(3)
    ]
    tablet = screens.tablet(seminar, bypass_csp=True)

    tablet.goto(f"/s/{seminar.slug}/people/")
    tablet.get_by_role("link", name="Send invitationer på e-mail").click()
    expect(tablet.get_by_role("checkbox")).to_have_count(3)
    assert_accessible(tablet, "invitation page")
    tablet.get_by_role("link", name="Se mailen, før den sendes").click()
    expect(tablet.locator("#preview-subject")).to_have_text(f"{seminar.title}: dit personlige link")
    assert_accessible(tablet, "preview")
    tablet.go_back()
    tablet.get_by_role("button", name="Send invitationer").click()
    expect(tablet.locator(f"#delivery-{people[0].pk} .mail-state")).to_have_text("I kø")
    # The harness serves with plain daphne, which has no mail worker (seminar.serve starts one):
    # the queue is drained as `send_invitations` does, and the open page follows by itself.
    in_thread(services.send_queued)

    for person in people:
        expect(tablet.locator(f"#delivery-{person.pk} .mail-state")).to_have_text("Sendt")
    expect(tablet.locator("#mailing-summary")).to_have_text("3 af 3 sendt")
    assert_accessible(tablet, "mailing's status page")


MAIL_ON_A_PHONE = """() => ({
  page: document.documentElement.scrollWidth,
  smallest: Math.min(...[...document.querySelectorAll('.mail-body :is(p, li, strong, a)')]
    .map(element => parseFloat(getComputedStyle(element).fontSize))),
})"""


def test_the_invitation_mail_fits_a_phone_with_its_long_link_and_text_of_16_px(seminar, screens):
    from seminar.invitations import kinds, mail

    person = in_thread(
        factories.participant, seminar, "Ærøskøbing Søndergaard-Østergaard", email="a@example.org"
    )
    letter = in_thread(
        mail.letter,
        kind=kinds.INVITATION,
        person=person,
        details=[],
        language="da",
        inline=False,
    )
    phone = screens.new_page(viewport={"width": 390, "height": 844})
    phone.set_content(letter.html)

    assert phone.evaluate(MAIL_ON_A_PHONE) == {"page": 390, "smallest": 16}
