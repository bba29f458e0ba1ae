"""Who runs a seminar: its facilitators, and the co-facilitators they invite.

An invited person gets an account (named by their e-mail address) with the facilitator
permission and this seminar only; they choose their password through a set-password link
that the inviter passes on (sending it by e-mail is the invitations' job). The link is
Django's password-reset token: it works once, and for PASSWORD_RESET_TIMEOUT.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from seminar import links
from seminar.models import Seminar


class LastFacilitator(Exception):
    """A seminar keeps at least one facilitator."""


@dataclass(frozen=True)
class Invitation:
    user: object
    created: bool
    set_password_link: str  # empty when the account has a password already


def set_password_link(user) -> str:
    path = reverse(
        "set_password",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    return links.absolute(path)


@transaction.atomic
def invite_facilitator(*, seminar: Seminar, name: str, email: str) -> Invitation:
    """Make the person a facilitator of the seminar, with an account if they have none.

    Saves the account (new: no usable password yet) and the seminar's facilitators; sends
    nothing. Returns a set-password link for an account without a password.
    """
    User = get_user_model()
    email = email.strip()
    user = (
        User.objects.filter(email__iexact=email).order_by("pk").first()
        or User.objects.filter(username__iexact=email).first()
    )
    created = user is None
    if created:
        first, _, last = name.strip().partition(" ")
        user = User(
            username=email.casefold()[:150],
            email=email,
            first_name=first[:150],
            last_name=last[:150],
        )
        user.set_unusable_password()
        user.save()
    user.user_permissions.add(
        Permission.objects.get(codename="facilitate", content_type__app_label="seminar")
    )
    seminar.facilitators.add(user)
    return Invitation(user, created, "" if user.has_usable_password() else set_password_link(user))


@transaction.atomic
def remove_facilitator(*, seminar: Seminar, user) -> None:
    """The account no longer runs this seminar (its other seminars stay). Raises LastFacilitator."""
    rows = seminar.facilitators.select_for_update()
    if not rows.filter(pk=user.pk).exists():
        return
    if rows.count() <= 1:
        raise LastFacilitator
    seminar.facilitators.remove(user)
