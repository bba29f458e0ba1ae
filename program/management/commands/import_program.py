from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, no_translations

from program.programchecks import MAX_BYTES
from program.programfile import ProgramFileError, parse
from program.programimport import load


class Command(BaseCommand):
    help = "Load a seminar's program from a program file (docs/program-format.md)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="update the program of an existing seminar with the same slug, in place: "
            "items are matched by key and keep what the room wrote",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="with --replace: remove items the file no longer has even when the room "
            "worked at them (their work is removed too, and listed)",
        )
        parser.add_argument(
            "--facilitator",
            action="append",
            default=[],
            metavar="USERNAME",
            help="an account that runs the seminar (repeat for more); superusers run every "
            "seminar, and facilitators invite others on the seminar's own pages",
        )

    @no_translations  # English output, like the rest of the command's text
    def handle(
        self, *args, file: Path, replace: bool, force: bool, facilitator: list[str], **options
    ) -> None:
        users = list(get_user_model().objects.filter(username__in=facilitator))
        missing = set(facilitator) - {user.get_username() for user in users}
        if missing:
            raise CommandError(f"no account named {', '.join(sorted(missing))}")
        try:
            size = file.stat().st_size
            if (
                size > MAX_BYTES * 4
            ):  # far over: refused unread (UTF-8 is at most 4 bytes a character)
                raise CommandError(
                    f"{file}: the file is {size:,} bytes; a program file may be at most "
                    f"{MAX_BYTES:,} bytes (1 MB)"
                )
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: cannot read it as UTF-8 text: {error}") from error
        try:
            result = load(parse(text), replace=replace, force=force)
        except ProgramFileError as error:
            raise CommandError(
                "\n".join(f"{file}:{line}: {message}" for line, message in error.problems)
            ) from error
        seminar = result.seminar
        seminar.facilitators.add(*users)
        items = sum(day.items.count() for day in seminar.days.all())
        self.stdout.write(
            f"Imported {seminar.title} ({seminar.slug}): {seminar.days.count()} days, "
            f"{items} items ({result.added} new, {result.updated} updated)."
        )
        for loss in result.removed:
            self.stdout.write(f"Removed: {loss.describe()}")
