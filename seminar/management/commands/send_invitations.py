from django.core.management.base import BaseCommand

from seminar.invitations import services


class Command(BaseCommand):
    help = ("Send every queued invitation and reminder mail, then stop (for cron, or when the "
            "server runs with MAIL_WORKER=0). Mails whose sending was cut off are not sent again.")

    def handle(self, *args, **options) -> None:
        outcomes = services.send_queued()
        Status = services.Status
        self.stdout.write(f"sent {outcomes[Status.SENT]}, failed {outcomes[Status.FAILED]}, "
                          f"address refused {outcomes[Status.BOUNCED]}")
