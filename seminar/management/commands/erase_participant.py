from django.core.management.base import BaseCommand, CommandError

from seminar import rights


class Command(BaseCommand):
    help = (
        "Erase one participant (by personal code or e-mail): their personal data goes, "
        "their group's shared work stays, attributed to a former participant. Needs --yes."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("code_or_email")
        parser.add_argument("--yes", action="store_true", help="really erase (it cannot be undone)")

    def handle(self, *args, slug: str, code_or_email: str, yes: bool, **options) -> None:
        person = rights.find(slug, code_or_email)
        if person is None:
            raise CommandError(f"no participant {code_or_email!r} in seminar {slug!r}")
        if not yes:
            raise CommandError(
                f"this erases participant {person.pk} of {slug!r} for good; run again with --yes"
            )
        rights.erase(participant=person)
        self.stdout.write(f"erased participant {person.pk} of {slug}")
