from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from seminar.models import Seminar
from seminar.roster import RosterError, import_roster


class Command(BaseCommand):
    help = "Add participants from a CSV file (name, department, title, email, role)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("file", type=Path)

    def handle(self, *args, slug: str, file: Path, **options) -> None:
        seminar = Seminar.objects.filter(slug=slug).first()
        if seminar is None:
            raise CommandError(f"no seminar with slug {slug!r}")
        try:
            result = import_roster(seminar=seminar, data=file.read_bytes())
        except (OSError, RosterError) as error:
            raise CommandError(f"{file}: {error}") from error
        self.stdout.write(
            f"Added {result.added} participants to {seminar.title}, updated {result.updated}."
        )
