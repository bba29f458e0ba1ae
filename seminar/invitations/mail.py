"""One person's mail: subject, a plain-text and an HTML part, and the join QR code as an
inline PNG that the HTML part shows (Content-ID), in the mailing's language."""

import base64
import email.policy
import io
from dataclasses import dataclass

import segno
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from seminar import links
from seminar.invitations.kinds import MailKind
from seminar.models import Participant

QR_CID = "join-qr@seminar"
TEMPLATE = "seminar/invitations_mail"


def qr_png(data: str) -> bytes:
    """A QR code of `data` as PNG, with the standard quiet zone of four modules."""
    out = io.BytesIO()
    segno.make(data, error="m").save(out, kind="png", scale=8, border=4)
    return out.getvalue()


def one_line(text: str) -> str:
    """A header's text on one line (no header injection through a title)."""
    return " ".join(str(text).split())


@dataclass
class Letter:
    subject: str
    text: str
    html: str
    # The HTML part's content without its document around it (the preview shows it in a page).
    body: str
    link: str
    qr: bytes


def _context(kind: MailKind, person: Participant, details: list[str]) -> dict:
    seminar = person.seminar
    title = one_line(seminar.shown.title)
    return {"seminar": seminar, "title": title, "person": person,
            "intro": kind.intro % {"seminar": title},
            "details": kind.describe(seminar, details),
            "link": links.personal_link(person), "join_link": links.join_link(seminar)}


def letter(*, kind: MailKind, person: Participant, details: list[str], language: str,
           inline: bool = True) -> Letter:
    """The mail's parts for `person`, rendered in `language`. The HTML part shows the QR code
    from the mail's inline image, or (`inline=False`, the preview) from a data URI."""
    with translation.override(language):
        context = _context(kind, person, details)
        qr = qr_png(context["link"])
        subject = one_line(kind.subject % {"seminar": context["title"]})
        text = render_to_string(f"{TEMPLATE}.txt", context)
        embedded = "data:image/png;base64," + base64.b64encode(qr).decode()
        source = f"cid:{QR_CID}" if inline else embedded
        context.update(qr_src=source, language=language, subject=subject)
        html = render_to_string(f"{TEMPLATE}.html", context)
        body = render_to_string(f"{TEMPLATE}.html#body", context)
    return Letter(subject, text, html, body, context["link"], qr)


class LetterMessage(EmailMultiAlternatives):
    """A plain-text body, an HTML alternative and, beside the HTML in a multipart/related,
    the QR code it shows: multipart/alternative [text/plain, multipart/related [html, png]]."""

    def __init__(self, *, qr: bytes, **kwargs) -> None:
        super().__init__(**kwargs)
        self.qr = qr

    def message(self, *, policy=email.policy.default):
        msg = super().message(policy=policy)
        html = next(part for part in msg.walk() if part.get_content_type() == "text/html")
        html.add_related(self.qr, "image", "png", cid=f"<{QR_CID}>", disposition="inline",
                         filename="qr.png")
        return msg


def message(*, kind: MailKind, person: Participant, details: list[str],
            language: str) -> LetterMessage:
    """The mail to send to `person`: To is their address alone (no name in a header)."""
    parts = letter(kind=kind, person=person, details=details, language=language)
    mail = LetterMessage(subject=parts.subject, body=parts.text, to=[person.email], qr=parts.qr)
    mail.attach_alternative(parts.html, "text/html")
    return mail
