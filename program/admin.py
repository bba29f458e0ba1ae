from django.contrib import admin

from program.models import AgendaItem, Day


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = [
        "position",
        "start",
        "minutes",
        "title",
        "kind",
        "grouping",
        "leads",
        "text",
        "notes",
        "place",
        "returns_at",
        "secret",
    ]


@admin.register(Day)
class DayAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "seminar"]
    list_filter = ["seminar"]
    inlines = [AgendaItemInline]
