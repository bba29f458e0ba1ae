"""What the invitation tests share: a roster with addresses, the click, and reading a sent mail."""

import io
import re
import smtplib

import zxingcpp
from django.core import mail
from django.core.mail.backends import locmem
from PIL import Image

from seminar.invitations.forms import new_click_token
from tests import factories


def roster(seminar, count: int) -> list:
    """`count` people with their own addresses (the first with letters the roster allows)."""
    people = [factories.participant(seminar, f"Person {n:02d}", email=f"person{n:02d}@example.org")
              for n in range(1, count)]
    return [factories.participant(seminar, "Søren Ærø", email="søren.ærø@example.dk"), *people]


def click(client, seminar, people, *, kind: str = "invitation", token: str | None = None,
          language: str = "da", follow: bool = False):
    data = {"token": token or new_click_token(), "language": language,
            "people": [person.pk for person in people]}
    return client.post(f"/s/{seminar.slug}/mail/new/{kind}/", data, follow=follow)


def sent_to() -> list[str]:
    return [address for message in mail.outbox for address in message.to]


def parts(message) -> dict[str, bytes | str]:
    """The sent mail's plain text, HTML and PNG, as a mail program reads them."""
    found = {}
    for part in message.message().walk():
        kind = part.get_content_type()
        if kind in ("text/plain", "text/html", "image/png"):
            found[kind] = part.get_content()
            if kind == "image/png":
                found["cid"] = part["Content-ID"]
    return found


def decoded_qr(png: bytes) -> list[str]:
    image = Image.open(io.BytesIO(png))
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [result.text for result in results]


def link_in(text: str) -> str:
    return re.search(r"https?://\S+/p/[A-Za-z0-9_-]+/", text).group(0)


class RefusingBackend(locmem.EmailBackend):
    """The test outbox, but the mail server refuses the addresses in `refused`."""

    refused = {"nobody@example.org"}

    def send_messages(self, messages):
        for message in messages:
            refused = {address: (550, b"5.1.1 User unknown") for address in message.to
                       if address in self.refused}
            if refused:
                raise smtplib.SMTPRecipientsRefused(refused)
        return super().send_messages(messages)


class DownBackend(locmem.EmailBackend):
    """A mail server that cannot be reached."""

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")
