from django.core.management.base import BaseCommand, CommandError

from program.programfile import export_program
from seminar.models import Seminar


class Command(BaseCommand):
    help = "Write a seminar's program as a program file to standard output."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")

    def handle(self, *args, slug: str, **options) -> None:
        seminar = Seminar.objects.filter(slug=slug).first()
        if seminar is None:
            raise CommandError(f"no seminar with slug {slug!r}")
        self.stdout.write(export_program(seminar), ending="")
