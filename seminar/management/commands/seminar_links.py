from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from seminar import links, spreadsheets
from seminar.models import Seminar


class Command(BaseCommand):
    help = (
        "Print the projector's display link and every participant's personal link "
        "(CSV for mail merge), on BASE_URL or --base-url: the address the server is reached at."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument(
            "--base-url",
            default="",
            help="the address phones reach the server at, e.g. http://192.168.1.20:8080 "
            "(default: the BASE_URL setting)",
        )

    def handle(self, *args, slug: str, base_url: str, **options) -> None:
        seminar = Seminar.objects.filter(slug=slug).first()
        if seminar is None:
            raise CommandError(f"no seminar with slug {slug!r}")
        base = (base_url or settings.BASE_URL).rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
            raise CommandError(f"--base-url must look like http://host:port, not {base!r}")
        # Which address the links use, so a wrong port is seen before the links are mailed.
        self.stderr.write(f"Links on {base} ({'--base-url' if base_url else 'BASE_URL'})")
        self.stderr.write(f"Projector display link: {links.display_link(seminar, base)}")
        # Semicolons, as every export (seminar/spreadsheets.py); no BOM on a terminal.
        spreadsheets.write_rows(
            self.stdout,
            [
                ["name", "department", "email", "code", "link"],
                *(
                    [
                        participant.name,
                        participant.department.name,
                        participant.email,
                        participant.code,
                        links.personal_link(participant, base),
                    ]
                    for participant in seminar.participants.select_related("department")
                ),
            ],
        )
