from django.contrib import admin

from goals.models import (
    Case,
    Commitment,
    DepartmentPlan,
    Goal,
    GoalRevision,
    ManagementMessage,
    PosterNote,
)


class ReadOnly:
    """What people wrote is changed through the app's services only (versions, revisions,
    pushes)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class GoalRevisionInline(ReadOnly, admin.TabularInline):
    model = GoalRevision
    extra = 0
    readonly_fields = [
        "version",
        "what",
        "why",
        "how_we_know",
        "by_participant",
        "by_user",
        "saved_at",
    ]
    exclude = ["key"]
    can_delete = False


@admin.register(Goal)
class GoalAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["group", "what", "version", "locked_at", "hidden"]
    list_filter = ["seminar"]
    readonly_fields = ["version", "locked_at", "locked_by"]
    inlines = [GoalRevisionInline]


@admin.register(Case)
class CaseAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "author", "updated_at"]
    list_filter = ["seminar"]
    search_fields = ["title", "author__name"]


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    pass


admin.site.register([PosterNote, DepartmentPlan, Commitment, ManagementMessage], ReadOnlyAdmin)
