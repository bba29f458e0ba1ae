"""The language a websocket's screen is rendered in, read like LocaleMiddleware reads it."""

from http.cookies import SimpleCookie

from django.conf import settings
from django.utils.translation import trans_real


def language_for_scope(scope: dict) -> str:
    headers = {
        key.decode("latin-1").lower(): value.decode("latin-1")
        for key, value in scope.get("headers", [])
    }
    cookie = SimpleCookie(headers.get("cookie", "")).get(settings.LANGUAGE_COOKIE_NAME)
    supported = {code for code, _ in settings.LANGUAGES}
    if cookie and cookie.value in supported:
        return cookie.value
    for code, _ in trans_real.parse_accept_lang_header(headers.get("accept-language", "")):
        try:
            return trans_real.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def language_codes() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]
