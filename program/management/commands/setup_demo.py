import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand

from program.programfile import import_program
from seminar import links
from seminar.models import Seminar
from seminar.roster import import_roster

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
DEMO_USER = "facilitator"


class Command(BaseCommand):
    help = (
        "Load the reference seminar and its demo roster, make a demo facilitator, "
        "print the addresses."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--slug",
            default="varde-2014",
            help='the seminar to load from fixtures/; "" loads none (an empty instance: '
            "the facilitator makes seminars in the browser)",
        )

    def handle(self, *args, slug: str, **options) -> None:
        if not slug:
            self._account(self._demo_user())
            self.stdout.write(f'Seminars ("Nyt seminar" makes one): {links.absolute("/")}')
            return
        seminar = Seminar.objects.filter(slug=slug).first()
        if seminar is None:
            seminar = import_program(text=(FIXTURES / f"{slug}.toml").read_text(encoding="utf-8"))
            self.stdout.write(f"Loaded the program of {seminar.title}.")
        if not seminar.participants.exists():
            roster = FIXTURES / f"{slug}-roster.csv"
            if roster.exists():
                import_roster(seminar=seminar, data=roster.read_bytes())
        password = self._demo_user()
        seminar.facilitators.add(get_user_model().objects.get(username=DEMO_USER))
        self.stdout.write("")
        self.stdout.write(f"Facilitator tablet: {links.facilitator_link(seminar)}")
        self._account(password)
        self.stdout.write(f"Projector display link: {links.display_link(seminar)}")
        self.stdout.write(f"Join page for phones (QR on the projector): {links.join_link(seminar)}")
        self.stdout.write("Participant links:")
        for participant in seminar.participants.select_related("department")[:3]:
            self.stdout.write(
                f"  {participant.name} ({participant.department.name}, code {participant.code}): "
                f"{links.personal_link(participant)}"
            )
        self.stdout.write(
            f"All links as CSV: .venv/bin/python manage.py seminar_links {slug} "
            f"--base-url {links.absolute('')}"
        )

    def _account(self, password: str | None) -> None:
        if password:
            self.stdout.write(
                f"  user: {DEMO_USER}   password: {password}   (shown only this once)"
            )
        else:
            self.stdout.write(
                f"  user: {DEMO_USER}   (password printed on the first run; "
                f"`.venv/bin/python manage.py changepassword {DEMO_USER}` sets a new one)"
            )

    def _demo_user(self) -> str | None:
        """Create the demo facilitator once; returns its new password, or None if it existed."""
        User = get_user_model()
        if User.objects.filter(username=DEMO_USER).exists():
            return None
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(DEMO_USER, password=password)
        user.user_permissions.add(
            Permission.objects.get(codename="facilitate", content_type__app_label="seminar")
        )
        return password
