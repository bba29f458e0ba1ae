from django.urls import path

from program import views

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
]
