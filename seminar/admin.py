from django.contrib import admin

from seminar.models import Department, Participant, Seminar


@admin.register(Seminar)
class SeminarAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "place"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "seminar"]
    list_filter = ["seminar"]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "department", "title", "role", "present", "seminar"]
    list_filter = ["seminar", "role", "present", "department"]
    search_fields = ["name", "email", "title"]
    readonly_fields = ["code"]
