"""The facilitator's e-mail pages: compose, preview, who may reach them, and reminders."""

import uuid

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from goals.models import Case
from interviews.models import Interview
from seminar import links
from seminar.invitations import services
from seminar.invitations.models import Delivery, Mailing
from tests import factories
from tests.seminar.invitations_helpers import click, decoded_qr, parts, roster, sent_to


def test_the_people_page_and_the_navigation_lead_to_the_mail(facilitator_client, seminar):
    people_page = facilitator_client.get(f"/s/{seminar.slug}/people/").content.decode()

    assert f'href="/s/{seminar.slug}/mail/new/invitation/" id="send-invitations"' in people_page
    assert f'<a href="/s/{seminar.slug}/mail/">E-mail</a>' in people_page


def test_compose_lists_everyone_ticked_with_the_address_problems(facilitator_client, seminar):
    factories.participant(seminar, "Anne <b>Holm</b>", email="anne@example.org")
    factories.participant(seminar, "Bo Dam")

    html = facilitator_client.get(f"/s/{seminar.slug}/mail/new/invitation/").content.decode()

    assert html.count('name="people"') == 2 and html.count(" checked>") == 2
    assert "Anne &lt;b&gt;Holm&lt;/b&gt;" in html and "<b>Holm" not in html
    assert "Ingen e-mailadresse" in html and 'name="token"' in html
    assert "Send invitationer" in html


def test_the_preview_shows_the_mail_and_sends_nothing(facilitator_client, seminar):
    person = factories.participant(
        seminar, 'Eve "<script>alert(1)</script>', email="eve@example.org"
    )

    response = facilitator_client.get(
        f"/s/{seminar.slug}/mail/new/invitation/preview/", {"person": person.pk}
    )

    html = response.content.decode()
    assert response.status_code == 200 and mail.outbox == [] and not Mailing.objects.exists()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert f"{seminar.title}: dit personlige link" in html
    assert links.personal_link(person) in html and person.code in html
    assert 'src="data:image/png;base64,' in html


def test_the_preview_in_english(facilitator_client, seminar):
    person = factories.participant(seminar, "Anne Holm", email="anne@example.org")

    html = facilitator_client.get(
        f"/s/{seminar.slug}/mail/new/invitation/preview/", {"person": person.pk, "language": "en"}
    ).content.decode()

    assert "Dear Anne Holm," in html and f"{seminar.title}: your personal link" in html


def test_a_name_cannot_break_into_the_mails_headers_or_html(facilitator_client, seminar):
    person = factories.participant(
        seminar, "Mallory\r\nBcc: all@example.org <i>x</i>", email="mallory@example.org"
    )

    click(facilitator_client, seminar, [person])
    services.send_queued()

    message = mail.outbox[0]
    raw = message.message().as_string()
    assert message.to == ["mallory@example.org"] and "Bcc:" not in raw.split("\n\n")[0]
    assert "&lt;i&gt;x&lt;/i&gt;" in parts(message)["text/html"]


def test_a_participant_reaches_none_of_it(phone_client, participant, seminar):
    roster(seminar, 2)
    mailing = Mailing.objects.create(
        seminar=seminar, kind="invitation", language="da", token="t" * 20
    )
    pages = [
        f"/s/{seminar.slug}/mail/",
        f"/s/{seminar.slug}/mail/new/invitation/",
        f"/s/{seminar.slug}/mail/new/invitation/preview/",
        f"/s/{seminar.slug}/mail/{mailing.pk}/",
    ]

    for page in pages:
        response = phone_client.get(page)
        assert response.status_code == 302 and response["Location"].startswith("/login/")
    click(phone_client, seminar, seminar.participants.all())
    phone_client.post(f"/s/{seminar.slug}/mail/{mailing.pk}/retry/")

    assert Mailing.objects.count() == 1 and not Delivery.objects.exists()


def test_an_account_without_the_facilitator_permission_is_refused(seminar):
    client = Client()
    client.force_login(User.objects.create_user("guest", password="not-a-real-password-2"))

    assert client.get(f"/s/{seminar.slug}/mail/").status_code == 403
    assert click(client, seminar, roster(seminar, 2)).status_code == 403
    assert not Mailing.objects.exists()


def test_sending_needs_the_csrf_token(facilitator, seminar):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)

    response = click(client, seminar, roster(seminar, 2))

    assert response.status_code == 403 and not Mailing.objects.exists()


def test_a_click_without_anyone_chosen_is_refused_with_a_message(facilitator_client, seminar):
    roster(seminar, 2)

    response = click(facilitator_client, seminar, [])

    assert response.status_code == 400 and "Vælg mindst én person." in response.content.decode()
    assert not Mailing.objects.exists()


def test_homework_reminders_go_only_to_those_who_have_not_done_it(facilitator_client, seminar):
    seminar.homework = ["interview", "case"]
    seminar.save()
    done, half, none = (
        factories.participant(seminar, name, email=f"{name.lower()}@example.org")
        for name in ("Alle", "Halv", "Ingen")
    )
    for person in (done, half):
        Interview.objects.create(seminar=seminar, author=person, who="En borger", said="Noget")
    Case.objects.create(
        seminar=seminar, author=done, title="En sag", what_happened="Noget", key=uuid.uuid4()
    )

    compose = facilitator_client.get(f"/s/{seminar.slug}/mail/new/homework/").content.decode()
    click(facilitator_client, seminar, [half, none], kind="homework")
    services.send_queued()

    assert "Alle" not in compose and "Halv" in compose and "Ingen" in compose
    assert sorted(sent_to()) == ["halv@example.org", "ingen@example.org"]
    texts = {message.to[0]: parts(message) for message in mail.outbox}
    half_text = texts["halv@example.org"]["text/plain"]
    assert "Din egen samskabelsescase" in half_text and "Borgerinterview" not in half_text
    none_text = texts["ingen@example.org"]["text/plain"]
    assert "Borgerinterview" in none_text and "Din egen samskabelsescase" in none_text
    assert decoded_qr(texts["ingen@example.org"]["image/png"]) == [links.personal_link(none)]


def test_a_reminder_cannot_be_sent_to_someone_who_has_done_it(facilitator_client, seminar):
    seminar.homework = ["interview"]
    seminar.save()
    done = factories.participant(seminar, "Alle", email="alle@example.org")
    Interview.objects.create(seminar=seminar, author=done, who="En borger", said="Noget")

    response = click(facilitator_client, seminar, [done], kind="homework")

    assert response.status_code == 400 and not Mailing.objects.exists()


def test_the_overview_lists_each_mailing_with_its_counts(facilitator_client, seminar):
    click(facilitator_client, seminar, roster(seminar, 4))
    services.send_queued()

    html = facilitator_client.get(f"/s/{seminar.slug}/mail/").content.decode()

    assert "Invitationer" in html and "<td>4</td><td>4</td>" in html
    assert 'id="compose-homework"' in html


def test_the_overview_lists_every_mailing_page_by_page(facilitator_client, seminar):
    from seminar.views.invitations import MAILINGS_PER_PAGE

    made = [
        Mailing.objects.create(
            seminar=seminar, kind="invitation", language="da", token=uuid.uuid4().hex
        )
        for _ in range(MAILINGS_PER_PAGE + 5)
    ]
    url = f"/s/{seminar.slug}/mail/"

    first = facilitator_client.get(url).content.decode()
    second = facilitator_client.get(url, {"page": 2}).content.decode()

    shown = [m for m in made if f'id="mailing-{m.pk}"' in first]
    rest = [m for m in made if f'id="mailing-{m.pk}"' in second]
    assert len(shown) == MAILINGS_PER_PAGE and len(rest) == 5
    assert set(shown) | set(rest) == set(made)
    assert 'rel="next"' in first and 'rel="prev"' in second
