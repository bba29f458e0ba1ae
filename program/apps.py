from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "program"
    verbose_name = "Program"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from program import activities, screens
        from program.questions.kind import QuestionsKind
        from seminar import live

        for kind in activities.PASSIVE_KINDS + activities.VISION_KINDS:
            activities.register(kind)
        activities.register(QuestionsKind("questions", _("Questions from the room"), interactive=True))
        live.register_screen(screens.ProjectorScreen())
        live.register_screen(screens.PhoneScreen())
        live.register_screen(screens.TabletScreen())
