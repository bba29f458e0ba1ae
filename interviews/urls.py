from django.urls import path

from interviews.views import facilitator, homework, tables

app_name = "interviews"

urlpatterns = [
    path("s/<slug:slug>/homework/", homework.hub, name="homework"),
    path("s/<slug:slug>/homework/interview/", homework.interview, name="interview"),
    path("s/<slug:slug>/homework/interview/check/", homework.check, name="check"),
    path("s/<slug:slug>/interviews/<int:item_id>/cards/", tables.add_card, name="card_add"),
    path("s/<slug:slug>/run/homework/", facilitator.status, name="status"),
    path("s/<slug:slug>/run/homework/reminders.csv", facilitator.reminders, name="reminders"),
    path("s/<slug:slug>/run/interviews/", facilitator.picker, name="picker"),
    path(
        "s/<slug:slug>/run/interviews/<int:item_id>/<int:interview_id>/",
        facilitator.pick,
        name="pick",
    ),
    path(
        "s/<slug:slug>/run/interviews/cards/<int:card_id>/",
        facilitator.card_action,
        name="card_action",
    ),
]
