"""The room's screens, each in its own browser context as on its own device."""

import functools
import itertools
from urllib.parse import urlsplit

from tests.browser.helpers import EXPECT_TIMEOUT_MS, wait_live
from tests.browser.server import DaphneServer

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 1024, "height": 768}
PROJECTOR = {"width": 1280, "height": 720}

FACILITATOR_PASSWORD = "a-tablet-password-7"

_usernames = itertools.count(1)


@functools.cache
def password_hash() -> str:
    """Hashed once: the server still checks the typed password: no hashing per test."""
    from django.contrib.auth.hashers import make_password

    return make_password(FACILITATOR_PASSWORD)


def make_facilitator(seminar=None):
    """A facilitator account; with a seminar, one of that seminar's facilitators."""
    from django.contrib.auth.models import Permission, User

    user = User.objects.create(username=f"facilitator-{next(_usernames)}", password=password_hash())
    user.user_permissions.add(
        Permission.objects.get(codename="facilitate", content_type__app_label="seminar")
    )
    if seminar is not None:
        seminar.facilitators.add(user)
    return user


class Screens:
    """Opens each screen in its own browser context and watches them for script trouble."""

    def __init__(self, browser, server: DaphneServer) -> None:
        self.browser = browser
        self.server = server
        self.contexts = []
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.live_slugs: set[str] = set()

    def new_page(
        self, *, viewport: dict = PHONE, bypass_csp: bool = False, init_script: str | None = None
    ):
        context = self.browser.new_context(
            base_url=self.server.url,
            locale="da-DK",
            viewport=viewport,
            bypass_csp=bypass_csp,
        )
        context.set_default_timeout(EXPECT_TIMEOUT_MS * 2)
        if init_script:
            context.add_init_script(init_script)
        self.contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: uncaught {error}"))
        page.on("console", lambda message: self._console(page, message))
        page.on("dialog", lambda dialog: self._dialog(dialog))
        page.on(
            "websocket", lambda socket: self.live_slugs.add(urlsplit(socket.url).path.split("/")[3])
        )
        return page

    def tablet(self, seminar, viewport: dict = TABLET, **options):
        """Log in through the login form as a facilitator would, then open the run page."""
        user = make_facilitator(seminar)
        page = self.new_page(viewport=viewport, **options)
        page.goto(f"/login/?next=/s/{seminar.slug}/run/")
        page.locator("#id_username").press_sequentially(user.username)
        page.locator("#id_password").press_sequentially(FACILITATOR_PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(f"**/s/{seminar.slug}/run/")
        wait_live(page)
        return page

    def projector(self, seminar, **options):
        """Open the secret display link once, as whoever sets up the projector does."""
        page = self.new_page(viewport=PROJECTOR, **options)
        page.goto(f"/s/{seminar.slug}/display/{seminar.display_token}/")
        page.wait_for_url(f"**/s/{seminar.slug}/projector/")
        wait_live(page)
        return page

    def phone(self, participant, viewport: dict = PHONE, **options):
        """Open the participant's personal link, as from the invitation e-mail."""
        page = self.new_page(viewport=viewport, **options)
        page.goto(f"/p/{participant.token}/")
        page.wait_for_url(f"**/s/{participant.seminar.slug}/")
        wait_live(page)
        return page

    def close(self) -> None:
        from django.utils import timezone

        closed_at = timezone.now()
        for context in self.contexts:
            context.close()
        self.contexts = []
        if self.server.running and self.live_slugs:
            self.server.wait_until_screens_left(self.live_slugs, since=closed_at)

    def _console(self, page, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.problems.append(f"{page.url}: {message.text}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        self.problems.append(f"a script opened a {dialog.type} dialog: {dialog.message!r}")
        dialog.dismiss()
