from django.urls import path

from goals import mine, views
from goals.cases import views as cases
from goals.commitments import views as commitments
from goals.plans import views as plans
from goals.shared_goals import views as shared_goals

app_name = "goals"

urlpatterns = [
    # Homework and the phones.
    path("s/<slug:slug>/goals/case/", cases.case, name="case"),
    path("s/<slug:slug>/goals/cases/<int:item_id>/note/", cases.poster_note, name="poster_note"),
    path("s/<slug:slug>/goals/cases/<int:item_id>/pick/", cases.case_pick, name="case_pick"),
    path("s/<slug:slug>/goals/cases/<int:item_id>/takeaway/", cases.takeaway, name="takeaway"),
    path("s/<slug:slug>/goals/goal/<int:item_id>/write/", shared_goals.write, name="goal_write"),
    path("s/<slug:slug>/goals/goal/<int:goal_id>/shake/", shared_goals.shake, name="shake"),
    path("s/<slug:slug>/goals/plans/<int:item_id>/<int:goal_id>/", plans.write, name="plan_write"),
    path("s/<slug:slug>/goals/commitments/<int:item_id>/", commitments.commit, name="commit"),
    path(
        "s/<slug:slug>/goals/commitments/<int:item_id>/management/",
        commitments.management,
        name="management",
    ),
    path("s/<slug:slug>/mine/", mine.mine, name="mine"),
    path("s/<slug:slug>/goals/commitments/mine/", commitments.mine, name="commitments_mine"),
    path("s/<slug:slug>/goals/commitments/mine.ics", commitments.mine_ics, name="commitments_ics"),
    # Facilitators.
    path("s/<slug:slug>/goals/homework/", cases.homework, name="homework"),
    path(
        "s/<slug:slug>/goals/homework/missing.csv", cases.homework_missing, name="homework_missing"
    ),
    path("s/<slug:slug>/run/goals/show/<int:item_id>/", views.show, name="show"),
    path("s/<slug:slug>/run/goals/notes/<int:note_id>/hide/", cases.note_hide, name="note_hide"),
    path(
        "s/<slug:slug>/run/goals/cases/<int:item_id>/pick/<int:group_id>/",
        cases.case_pick_run,
        name="case_pick_run",
    ),
    path(
        "s/<slug:slug>/run/goals/cases/<int:item_id>/analysis/<int:group_id>/",
        cases.analysis,
        name="analysis",
    ),
    path("s/<slug:slug>/run/goals/goal/<int:goal_id>/", shared_goals.revise, name="goal_revise"),
    path("s/<slug:slug>/run/goals/goal/<int:goal_id>/act/", shared_goals.act, name="goal_act"),
    path("s/<slug:slug>/run/goals/plans/<int:plan_id>/hide/", plans.hide, name="plan_hide"),
    path(
        "s/<slug:slug>/run/goals/commitments/<int:item_id>/hide/<int:commitment_id>/",
        commitments.hide,
        name="commitment_hide",
    ),
]
