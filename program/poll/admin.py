from django.contrib import admin

from program.poll.models import Poll, Vote


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ("item", "status", "results_shown")
    list_filter = ("status",)


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ("item", "voter", "option", "created_at")
    list_select_related = ("item", "voter")
