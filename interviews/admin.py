from django.contrib import admin

from interviews.models import Interview, InterviewRevision, Pick, TableCard


class RevisionInline(admin.TabularInline):
    model = InterviewRevision
    extra = 0
    can_delete = False
    readonly_fields = [
        "version",
        "saved_at",
        "who",
        "said",
        "quotes",
        "tags",
        "show_name",
        "key",
        "author",
    ]


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ["author", "who", "version", "show_name", "hidden", "updated_at"]
    list_filter = [
        "seminar",
        "hidden",
        "tag_interesting",
        "tag_surprising",
        "tag_confirming",
        "tag_strange",
    ]
    search_fields = ["author__name", "who", "said"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [RevisionInline]


@admin.register(TableCard)
class TableCardAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "group", "author", "hidden"]
    list_filter = ["item__day__seminar", "kind", "hidden"]


@admin.register(Pick)
class PickAdmin(admin.ModelAdmin):
    list_display = ["interview", "item", "tag", "on_screen"]
