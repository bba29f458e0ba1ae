from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from seminar.views import entry, facilitators, invitations, people, rights, theme


class TokenConverter:
    """A link's secret as `new_token` makes them (URL-safe base64): anything else, a NUL byte
    that PostgreSQL refuses in a query included, is a bad link (404) before a lookup."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "token")

seminar_patterns = [
    path("", entry.home, name="home"),
    path("p/<token:token>/", entry.personal_link, name="personal_link"),
    path("s/<slug:slug>/join/", entry.join, name="join"),
    path("s/<slug:slug>/theme.css", theme.theme, name="theme"),
    path("s/<slug:slug>/display/<token:token>/", entry.display_link, name="display_link"),
    path("s/<slug:slug>/people/", people.people, name="people"),
    path("s/<slug:slug>/people/<int:participant_id>/presence/", people.presence, name="presence"),
    path("s/<slug:slug>/people/import/", people.roster_import, name="roster_import"),
    path("s/<slug:slug>/people/cards/", people.join_cards, name="join_cards"),
    path(
        "s/<slug:slug>/people/<int:participant_id>/data.json",
        rights.export_person,
        name="export_person",
    ),
    path(
        "s/<slug:slug>/people/<int:participant_id>/erase/", rights.erase_person, name="erase_person"
    ),
    path("s/<slug:slug>/my-data/", rights.my_data, name="my_data"),
    path("s/<slug:slug>/privacy/", rights.privacy, name="privacy"),
    path("s/<slug:slug>/my-data.json", rights.my_data_json, name="my_data_json"),
    path(
        "s/<slug:slug>/people/<int:participant_id>/access/",
        people.person_access,
        name="person_access",
    ),
    path(
        "s/<slug:slug>/people/<int:participant_id>/access/renew/",
        people.renew_access,
        name="renew_access",
    ),
    path(
        "s/<slug:slug>/people/<int:participant_id>/access/revoke/",
        people.revoke_access,
        name="revoke_access",
    ),
    path("s/<slug:slug>/facilitators/", facilitators.facilitators, name="facilitators"),
    path("s/<slug:slug>/facilitators/invite/", facilitators.invite, name="facilitator_invite"),
    path(
        "s/<slug:slug>/facilitators/<int:user_id>/remove/",
        facilitators.remove,
        name="facilitator_remove",
    ),
    path("s/<slug:slug>/links.csv", facilitators.links_csv, name="links_csv"),
    path("s/<slug:slug>/mail/", invitations.overview, name="invitations"),
    path("s/<slug:slug>/mail/new/<slug:kind>/", invitations.compose, name="invitations_compose"),
    path(
        "s/<slug:slug>/mail/new/<slug:kind>/preview/",
        invitations.preview,
        name="invitations_preview",
    ),
    path("s/<slug:slug>/mail/<int:mailing_id>/", invitations.mailing, name="invitations_mailing"),
    path("s/<slug:slug>/mail/<int:mailing_id>/retry/", invitations.retry, name="invitations_retry"),
    path("s/<slug:slug>/projector-link/", people.display_access, name="display_access"),
    path("s/<slug:slug>/projector-link/renew/", people.renew_display, name="renew_display"),
]

urlpatterns = [
    path("favicon.ico", theme.favicon, name="favicon"),
    path("", include((seminar_patterns, "seminar"))),
    path("", include("program.urls")),
    path("", include("program.kind_urls")),
    path("", include("groups.urls")),
    path("", include("goals.urls")),
    path("", include("interviews.urls")),
    path("login/", entry.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/<uidb64>/<token>/", facilitators.SetPasswordView.as_view(), name="set_password"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler400 = "seminar.errors.bad_request"
handler404 = "seminar.errors.not_found"
handler500 = "seminar.errors.server_error"
