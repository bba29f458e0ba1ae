from django.conf import settings
from django.core.management.base import BaseCommand

from program import lifecycle
from program.management.commands.purge_seminar import report


class Command(BaseCommand):
    help = (
        "Purge every seminar whose last day is more than SEMINAR_RETENTION_DAYS ago (for a daily "
        "cron job or systemd timer); prints what was removed. --dry-run lists them only."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="list the expired seminars, delete nothing"
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        found = lifecycle.expired()
        days = settings.SEMINAR_RETENTION_DAYS
        if not found:
            self.stdout.write(f"no seminar ended more than {days} days ago")
        for seminar in found:
            if dry_run:
                self.stdout.write(f"would purge {seminar.slug} (last day {seminar.last})")
            else:
                report(self, lifecycle.purge(seminar=seminar))
