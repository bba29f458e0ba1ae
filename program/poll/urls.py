from django.urls import path

from program.poll import views

app_name = "poll"

urlpatterns = [
    path("s/<slug:slug>/poll/<int:item_id>/vote/", views.vote, name="vote"),
    path("s/<slug:slug>/run/poll/<int:item_id>/", views.control, name="control"),
]
