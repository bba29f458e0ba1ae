from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from seminar.views import entry, people, theme

seminar_patterns = [
    path("", entry.home, name="home"),
    path("p/<str:token>/", entry.personal_link, name="personal_link"),
    path("s/<slug:slug>/join/", entry.join, name="join"),
    path("s/<slug:slug>/theme.css", theme.theme, name="theme"),
    path("s/<slug:slug>/display/<str:token>/", entry.display_link, name="display_link"),
    path("s/<slug:slug>/people/", people.people, name="people"),
    path("s/<slug:slug>/people/<int:participant_id>/presence/", people.presence, name="presence"),
    path("s/<slug:slug>/people/import/", people.roster_import, name="roster_import"),
    path("s/<slug:slug>/people/cards/", people.join_cards, name="join_cards"),
]

urlpatterns = [
    path("favicon.ico", theme.favicon, name="favicon"),
    path("", include((seminar_patterns, "seminar"))),
    path("", include("program.urls")),
    path("", include("groups.urls")),
    path("", include("goals.urls")),
    path("", include("interviews.urls")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler404 = "seminar.errors.not_found"
handler500 = "seminar.errors.server_error"
