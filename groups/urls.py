from django.urls import path

from groups import views

app_name = "groups"

ROUND = "s/<slug:slug>/groups/<int:grouping_id>/round/<int:number>/"

urlpatterns = [
    path("s/<slug:slug>/groups/", views.groupings, name="groupings"),
    path(ROUND, views.round_page, name="round"),
    path(ROUND + "form/", views.form_round, name="form"),
    path(ROUND + "publish/", views.publish, name="publish"),
    path(ROUND + "rebalance/", views.rebalance, name="rebalance"),
    path(ROUND + "move/", views.move, name="move"),
    path(ROUND + "move/check/", views.move_check, name="move_check"),
    path(ROUND + "print/", views.print_lists, name="print"),
]
