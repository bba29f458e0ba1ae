from django.core.management.base import BaseCommand, CommandError

from seminar import rights


class Command(BaseCommand):
    help = (
        "Write everything stored about one participant (by personal code or e-mail) "
        "as JSON to standard output."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("code_or_email")

    def handle(self, *args, slug: str, code_or_email: str, **options) -> None:
        person = rights.find(slug, code_or_email)
        if person is None:
            raise CommandError(f"no participant {code_or_email!r} in seminar {slug!r}")
        self.stdout.write(rights.export_json(person))
