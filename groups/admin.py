from django.contrib import admin

from groups.models import Group, Grouping, Round


@admin.register(Grouping)
class GroupingAdmin(admin.ModelAdmin):
    list_display = ["name", "seminar", "kind", "group_size", "num_groups"]
    list_filter = ["seminar"]


class GroupInline(admin.TabularInline):
    model = Group
    extra = 0


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["grouping", "number", "published_at"]
    inlines = [GroupInline]
