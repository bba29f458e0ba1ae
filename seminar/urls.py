from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from seminar import views

seminar_patterns = [
    path("", views.home, name="home"),
    path("p/<str:token>/", views.personal_link, name="personal_link"),
    path("s/<slug:slug>/join/", views.join, name="join"),
    path("s/<slug:slug>/display/<str:token>/", views.display_link, name="display_link"),
]

urlpatterns = [
    path("", include((seminar_patterns, "seminar"))),
    path("", include("program.urls")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler404 = "seminar.errors.not_found"
handler500 = "seminar.errors.server_error"
