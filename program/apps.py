from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "program"
    verbose_name = "Program"

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from django.utils.translation import gettext_lazy as _

        from program import activities, homework, report, report_sections, screens
        from program.ideas.kind import BrainstormKind
        from program.ideas.signals import remove_photo_files
        from program.models import Idea
        from program.questions.kind import QuestionsKind
        from program.soapbox.kind import SoapboxKind
        from program.tabletalk.kind import TableTalkKind
        from program.vernissage.kind import VernissageKind
        from seminar import live
        from seminar.invitations import kinds as mail_kinds

        for kind in activities.PASSIVE_KINDS + activities.VISION_KINDS:
            activities.register(kind)
        activities.register(QuestionsKind("questions", _("Questions from the room"), interactive=True))
        activities.register(SoapboxKind("soapbox", _("Soapbox"), interactive=True))
        activities.register(TableTalkKind("table_talk", _("Table talk"), interactive=True))
        activities.register(BrainstormKind("brainstorm", _("Brainstorm"), interactive=True))
        activities.register(VernissageKind("vernissage", _("Vernissage"), interactive=True))
        for section in report_sections.SECTIONS:
            report.register(section)
        mail_kinds.register(homework.reminder_kind())
        live.register_screen(screens.ProjectorScreen())
        live.register_screen(screens.PhoneScreen())
        live.register_screen(screens.TabletScreen())
        post_delete.connect(remove_photo_files, sender=Idea, dispatch_uid="idea-photo-files")
