from django.core.management.base import BaseCommand, CommandError

from program import lifecycle
from seminar.models import Seminar


def report(command: BaseCommand, purged: lifecycle.Purged) -> None:
    """What a purge removed, one line per kind of row, for the operator's log."""
    command.stdout.write(f"purged {purged.slug}: {purged.total} rows, {purged.files} files")
    for label, count in sorted(purged.rows.items()):
        command.stdout.write(f"  {label}: {count}")


class Command(BaseCommand):
    help = "Delete a seminar with every row and uploaded file that belongs to it. Needs --yes."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument(
            "--yes", action="store_true", help="really delete (nothing can bring it back)"
        )

    def handle(self, *args, slug: str, yes: bool, **options) -> None:
        seminar = Seminar.objects.filter(slug=slug).first()
        if seminar is None:
            raise CommandError(f"no seminar with slug {slug!r}")
        if not yes:
            raise CommandError(
                f"this deletes {slug!r} and all its data for good; run again with --yes"
            )
        report(self, lifecycle.purge(seminar=seminar))
