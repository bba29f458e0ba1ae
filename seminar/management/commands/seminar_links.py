from django.core.management.base import BaseCommand, CommandError

from seminar import links, spreadsheets
from seminar.models import Seminar


class Command(BaseCommand):
    help = "Print the projector's display link and every participant's personal link (CSV for mail merge)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")

    def handle(self, *args, slug: str, **options) -> None:
        seminar = Seminar.objects.filter(slug=slug).first()
        if seminar is None:
            raise CommandError(f"no seminar with slug {slug!r}")
        self.stderr.write(f"Projector display link: {links.display_link(seminar)}")
        # Semicolons, as every export (seminar/spreadsheets.py); no BOM on a terminal.
        spreadsheets.write_rows(self.stdout, [["name", "department", "email", "code", "link"], *(
            [participant.name, participant.department.name, participant.email, participant.code,
             links.personal_link(participant)]
            for participant in seminar.participants.select_related("department"))])
