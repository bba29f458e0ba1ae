from django.urls import path

from program import views
from program.questions import views as questions

app_name = "program"

urlpatterns = [
    path("s/<slug:slug>/", views.phone, name="phone"),
    path("s/<slug:slug>/projector/", views.projector, name="projector"),
    path("s/<slug:slug>/run/", views.run, name="run"),
    path("s/<slug:slug>/run/step/", views.step, name="step"),
    path("s/<slug:slug>/run/jump/", views.jump, name="jump"),
    path("s/<slug:slug>/run/timer/", views.timer, name="timer"),
    path("s/<slug:slug>/run/shift/", views.shift, name="shift"),
    path("s/<slug:slug>/run/projector/", views.projector_mode, name="projector_mode"),
    path("s/<slug:slug>/run/reveal/", views.reveal, name="reveal"),
    path("s/<slug:slug>/panel/<int:item_id>/", views.panel, name="panel"),
    path("s/<slug:slug>/questions/<int:item_id>/ask/", questions.ask, name="question_ask"),
    path("s/<slug:slug>/questions/vote/<int:question_id>/", questions.vote, name="question_vote"),
    path("s/<slug:slug>/run/questions/<int:question_id>/", questions.moderate, name="question_moderate"),
]
