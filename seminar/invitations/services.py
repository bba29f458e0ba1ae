"""Every change to mailings: queue a click's mails, send queued ones, send again.

A delivery row goes queued → sending (claimed by one conditional UPDATE, so two workers
never both send it) → sent, failed or bounced. Only queued rows are ever sent; a row a
crash left in "sending" waits for a person to decide (`retry`).
"""

import datetime as dt
import logging
import smtplib
import threading
from collections import Counter
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import mailers
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from seminar.invitations import kinds, mail, worker
from seminar.invitations.kinds import MailKind
from seminar.invitations.models import Delivery, Mailing
from seminar.models import Participant, Seminar
from seminar.roster import valid_email

log = logging.getLogger(__name__)
Status = Delivery.Status
REASON_LENGTH = Delivery._meta.get_field("reason").max_length


def recipients(seminar: Seminar, kind: MailKind) -> tuple[models.QuerySet, dict[int, list[str]]]:
    """Who may get this kind of mail (people with working access, and for a kind with a `due`,
    only those due), and what it is about for each."""
    people = seminar.participants.filter(erased_at__isnull=True, access_revoked=False)
    due = kind.due(seminar) if kind.due else None
    if due is not None:
        people = people.filter(pk__in=due)
    return people.select_related("department").order_by("name"), due or {}


# Reasons of our own, stored in English and translated where they are shown.
NO_ADDRESS = gettext_noop("No e-mail address")
BAD_ADDRESS = gettext_noop("Not a valid e-mail address")
REVOKED = gettext_noop("The person's access is revoked")
UNKNOWN_KIND = gettext_noop("Unknown kind of mail")
OWN_REASONS = {NO_ADDRESS, BAD_ADDRESS, REVOKED, UNKNOWN_KIND}


def address_problem(participant: Participant) -> str:
    """Why a mail to this person cannot be sent to their address ("" when it can)."""
    if not participant.email:
        return NO_ADDRESS
    return "" if valid_email(participant.email) else BAD_ADDRESS


def create_mailing(*, seminar: Seminar, kind: MailKind, token: str, people: Iterable[Participant],
                   language: str, user=None) -> tuple[Mailing, bool]:
    """Queue one mail per person for one click; (mailing, created).

    The click's one-time `token` makes it once: a second submit of the same form returns the
    first mailing and queues nothing. A person without a valid address gets a row marked
    bounced at once. Wakes the server's mail worker after the commit.
    """
    existing = Mailing.objects.filter(seminar=seminar, token=token).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            mailing = Mailing.objects.create(seminar=seminar, kind=kind.key, token=token,
                                             language=language, created_by=user)
            _, due = recipients(seminar, kind)
            rows = []
            for person in people:
                problem = address_problem(person)
                rows.append(Delivery(mailing=mailing, participant=person,
                                     details=due.get(person.pk, []), reason=problem,
                                     status=Status.BOUNCED if problem else Status.QUEUED))
            Delivery.objects.bulk_create(rows)
            transaction.on_commit(worker.wake)
    except IntegrityError:  # the same token, submitted twice at once: the other one made it
        return Mailing.objects.get(seminar=seminar, token=token), False
    return mailing, True


def stale_before() -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=settings.MAIL_SENDING_STALE_SECONDS)


@transaction.atomic
def retry(*, mailing: Mailing, delivery_id: int | None = None) -> int:
    """Queue again the mailing's failed rows and those of unknown fate (all, or one); how many.

    A conditional UPDATE: a row sent meanwhile, or already queued again by a second click,
    is left alone. Wakes the server's mail worker after the commit."""
    rows = Delivery.objects.filter(mailing=mailing).retryable(stale_before=stale_before())
    if delivery_id is not None:
        rows = rows.filter(pk=delivery_id)
    count = rows.update(status=Status.QUEUED, reason="", claimed_at=None)
    if count:
        transaction.on_commit(worker.wake)
    return count


def _claim_next() -> Delivery | None:
    """The oldest queued row, now marked sending by this caller alone; None when none is left."""
    while True:
        queued = Delivery.objects.filter(status=Status.QUEUED).order_by("pk")
        ids = list(queued.values_list("pk", flat=True)[:20])
        if not ids:
            return None
        for pk in ids:
            claimed = Delivery.objects.filter(pk=pk, status=Status.QUEUED).update(
                status=Status.SENDING, claimed_at=timezone.now(), attempts=models.F("attempts") + 1)
            if claimed:
                return Delivery.objects.select_related("mailing", "participant__seminar").get(pk=pk)


def _finish(delivery: Delivery, status: str, reason: str = "") -> None:
    fields = {"status": status, "reason": reason[:REASON_LENGTH]}
    if status == Status.SENT:
        fields["sent_at"] = timezone.now()
    Delivery.objects.filter(pk=delivery.pk, status=Status.SENDING).update(**fields)


def _refusal(error: smtplib.SMTPRecipientsRefused) -> str:
    reasons = []
    for code, text in error.recipients.values():
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        reasons.append(f"{code} {text}".strip())
    return "; ".join(reasons) or "refused"


def send_queued(*, stop: threading.Event | None = None) -> Counter:
    """Send every queued row, one claimed at a time, until none is left (or `stop` is set).

    Marks each row sent; bounced when the mail server refuses the address; failed with the
    reason on any other error (the next row is tried on a new connection). Returns the count
    of each outcome."""
    outcomes: Counter = Counter()
    mailer = None
    try:
        while not (stop and stop.is_set()):
            delivery = _claim_next()
            if delivery is None:
                break
            person, mailing = delivery.participant, delivery.mailing
            kind = kinds.get(mailing.kind)
            address = address_problem(person)
            problem = REVOKED if person.access_revoked else "" if kind else UNKNOWN_KIND
            if address or problem:
                status = Status.BOUNCED if address else Status.FAILED
                _finish(delivery, status, address or problem)
                outcomes[status] += 1
                continue
            try:
                message = mail.message(kind=kind, person=person, details=delivery.details,
                                       language=mailing.language)
                mailer = mailer or mailers.default
                mailer.open()
                mailer.send_messages([message])
            except smtplib.SMTPRecipientsRefused as error:
                _finish(delivery, Status.BOUNCED, _refusal(error))
                outcomes[Status.BOUNCED] += 1
            except Exception as error:  # any failure is this row's, and reported
                log.warning("mail to delivery %s failed", delivery.pk, exc_info=True)
                _finish(delivery, Status.FAILED, f"{type(error).__name__}: {error}")
                outcomes[Status.FAILED] += 1
                if mailer is not None:
                    _close(mailer)
            else:
                _finish(delivery, Status.SENT)
                outcomes[Status.SENT] += 1
    finally:
        if mailer is not None:
            _close(mailer)
    return outcomes


def _close(mailer) -> None:
    try:
        mailer.close()
    except Exception:  # a broken connection is dropped either way
        log.info("closing the mail connection failed", exc_info=True)
