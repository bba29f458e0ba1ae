from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "program"
    verbose_name = "Program"

    def ready(self) -> None:
        from program import activities, screens
        from seminar import live

        for kind in activities.PASSIVE_KINDS + activities.VISION_KINDS:
            activities.register(kind)
        live.register_screen(screens.ProjectorScreen())
        live.register_screen(screens.PhoneScreen())
        live.register_screen(screens.TabletScreen())
