from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from program.programfile import ProgramFileError, import_program


class Command(BaseCommand):
    help = "Load a seminar's program from a program file (docs/program-format.md)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--replace", action="store_true",
                            help="renew the program of an existing seminar with the same slug")

    def handle(self, *args, file: Path, replace: bool, **options) -> None:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot read it as UTF-8 text: {error}")
        try:
            seminar = import_program(text=text, replace=replace)
        except ProgramFileError as error:
            raise CommandError("\n".join(f"{file}:{line}: {message}" for line, message in error.problems))
        items = sum(day.items.count() for day in seminar.days.all())
        self.stdout.write(f"Imported {seminar.title} ({seminar.slug}): {seminar.days.count()} days, {items} items.")
