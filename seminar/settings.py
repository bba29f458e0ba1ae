"""Settings for the seminar app: one module, every deployment value from the environment.

The defaults run the embedded set-up (SQLite, in-process channel layer, one daphne
process). Production sets DATABASE_URL, REDIS_URL, SECRET_KEY, BASE_URL (https),
ALLOWED_HOSTS, and EMAIL_URL (the mail server); then `manage.py check --deploy` is clean.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def local_secret_key() -> str:
    """A per-checkout key kept in var/, so local sessions and links survive restarts."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or local_secret_key()

BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
_base = urlsplit(BASE_URL)
HTTPS = _base.scheme == "https"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", f"{_base.hostname},127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [f"{_base.scheme}://{_base.netloc}"]

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "channels",
    "seminar",
    "groups",
    "program",
    "program.poll",
    "interviews",
    "goals",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed (a phone page is a third of its size); Django's GZipMiddleware pads each
    # response with random bytes against BREACH. Whitenoise compresses static files itself.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "seminar.middleware.AnswerFirst",
    "seminar.middleware.SyncChain",  # last: keeps the whole chain on the request's thread
]

ROOT_URLCONF = "seminar.urls"
ASGI_APPLICATION = "seminar.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite by default, DATABASE_URL (PostgreSQL) in production and CI.
# CONN_MAX_AGE stays 0 under ASGI; PostgreSQL gets psycopg's pool instead.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'seminar.sqlite3'}", conn_max_age=0
    )
}
# The embedded default's SQLite. IMMEDIATE: a transaction takes the write lock when it
# begins and waits its turn (timeout); a deferred one that reads first fails at once
# ("database is locked") when it wants to write. WAL with synchronous=NORMAL (SQLite's
# advice for WAL): a commit no longer waits for the disk; a crash of the app loses nothing,
# a power cut at most the last commits, never the database. Waiting for the disk on each
# commit capped a burst of submissions at the disk's pace (p95 1-3 s instead of 80-270 ms,
# bench/submit.py).
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": 8}
    # With a pool, Django passes psycopg_pool's ConnectionPool.check_connection as the pool's
    # `check`: a pooled connection is tested (one round trip) before it is handed out, so
    # after a PostgreSQL restart a dead one is replaced instead of failing its request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    # Django's SQLite backend, writers queued in the process (seminar/sqlite/base.py).
    DATABASES["default"]["ENGINE"] = "seminar.sqlite"
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    # Browser tests serve from a separate daphne process: the test database must be a file
    # (one per test run, so that two runs on one machine do not share it).
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-seminar-{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_PREFIX = os.environ.get("REDIS_PREFIX", "seminar")
REDIS_CACHE_URL = REDIS_URL
# `make test` runs the suite in parallel workers (pytest-xdist, "gw0", "gw1", ...) that share
# one Redis: each gets its own channel prefix (pub/sub is not per database) and its own cache
# database (the tests empty the cache, and Django's clear() empties the whole database).
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and TEST_WORKER:
    REDIS_PREFIX = f"{REDIS_PREFIX}-{TEST_WORKER}"
    cache_db = 1 + int(TEST_WORKER.removeprefix("gw")) % 15
    REDIS_CACHE_URL = urlunsplit(urlsplit(REDIS_URL)._replace(path=f"/{cache_db}"))
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": REDIS_PREFIX},
        }
    }
    # Fails open: while Redis refuses or hangs, each process counts in its own memory.
    CACHES = {
        "default": {
            "BACKEND": "seminar.failopen_cache.FailOpenRedisCache",
            "LOCATION": REDIS_CACHE_URL,
            "KEY_PREFIX": REDIS_PREFIX,
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

def mailer_from_env() -> dict:
    """The mailer (Django's MAILERS) from EMAIL_URL, else EMAIL_HOST and its companions, else the
    console: `make run` prints mails instead of needing a mail server (docs/deploy.md).

    EMAIL_URL: smtp://USER:PASSWORD@HOST:PORT (STARTTLS with ?tls=1), submission://… (port 587,
    STARTTLS), smtps://… (port 465, TLS from the start), or console://.
    """
    url = os.environ.get("EMAIL_URL", "").strip()
    host = os.environ.get("EMAIL_HOST", "").strip()
    if url.startswith("console:") or not (url or host):
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if url:
        parts = urlsplit(url)
        query = {key: values[-1].lower() for key, values in parse_qs(parts.query).items()}
        on = {"1", "true", "yes", "on"}
        if parts.scheme not in {"smtp", "submission", "smtps"} or not parts.hostname:
            raise ValueError(f"EMAIL_URL must be smtp://, submission://, smtps:// or console://, "
                             f"not {parts.scheme}://")
        options = {"host": parts.hostname, "port": parts.port,
                   "username": unquote(parts.username or ""), "password": unquote(parts.password or ""),
                   "use_tls": parts.scheme == "submission" or query.get("tls") in on,
                   "use_ssl": parts.scheme == "smtps" or query.get("ssl") in on}
    else:
        port = os.environ.get("EMAIL_PORT", "").strip()
        options = {"host": host, "port": int(port) if port else None,
                   "username": os.environ.get("EMAIL_HOST_USER", ""),
                   "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                   "use_tls": env_bool("EMAIL_USE_TLS"), "use_ssl": env_bool("EMAIL_USE_SSL")}
    options["timeout"] = float(os.environ.get("EMAIL_TIMEOUT", "30"))
    return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}


MAILERS = {"default": mailer_from_env()}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "seminar@localhost")
# The server's own mail worker (seminar/invitations/worker.py): 0 leaves sending to the
# `send_invitations` command (cron). It looks for queued mail this often, and at once after a click.
MAIL_WORKER = env_bool("MAIL_WORKER", True)
MAIL_POLL_SECONDS = float(os.environ.get("MAIL_POLL_SECONDS", "5"))
# A row still "sending" after this long was cut off (a crash, a restart): its fate is unknown,
# and it is shown so, with a button to send it again; it is never sent again on its own.
MAIL_SENDING_STALE_SECONDS = float(os.environ.get("MAIL_SENDING_STALE_SECONDS", "120"))


AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "seminar:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Copenhagen")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "seminar.staticbundles.BundlingStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

# Participants keep their phone bound for the whole seminar.
# Sessions live in the database only: a session read from Redis made every request fail
# while Redis refused or hung, and put a Redis round trip on Django's one thread for
# database work in every websocket connect. One indexed query a request instead.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# How many proxies in front of the workers append to X-Forwarded-For (nginx alone: 1). The
# client's address is the entry the outermost trusted proxy appended (seminar/throttle.py);
# 0 takes the address daphne reports. docs/deploy.md.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 0))

# Request sizes (docs/deploy.md). The largest body is a phone's photo (seminar/photos.py,
# 12 MB) with its form, so the whole body may be 13 MB; seminar/bodylimit.py refuses more
# with 413 while it arrives. Text fields are small (an interview is ~75 KB url-encoded at
# worst), files past 1 MB go to a temporary file, and 1,000 fields covers an admin action
# on a page of rows.
REQUEST_BODY_MAX_BYTES = int(os.environ.get("REQUEST_BODY_MAX_BYTES", 13 * 2**20))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2**20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2**20
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 5

# Code entry on the join page: attempts per address per window.
JOIN_CODE_ATTEMPTS = int(os.environ.get("JOIN_CODE_ATTEMPTS", 10))
JOIN_CODE_WINDOW_SECONDS = int(os.environ.get("JOIN_CODE_WINDOW_SECONDS", 600))
# Wrong codes per seminar per window, from all addresses together: past it, code entry
# pauses for everyone (personal links still work), so rotating addresses cannot guess on.
JOIN_WRONG_CODES = int(os.environ.get("JOIN_WRONG_CODES", 200))
JOIN_WRONG_CODES_WINDOW_SECONDS = int(os.environ.get("JOIN_WRONG_CODES_WINDOW_SECONDS", 600))

# Facilitator login: failed logins per window, per username and address, and per address.
LOGIN_FAILURES_PER_USER = int(os.environ.get("LOGIN_FAILURES_PER_USER", 10))
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", 30))
LOGIN_WINDOW_SECONDS = int(os.environ.get("LOGIN_WINDOW_SECONDS", 900))

# The Redis cache (rate limits) answers within this long or is skipped for CACHE_SKIP_SECONDS.
CACHE_TIMEOUT_SECONDS = float(os.environ.get("CACHE_TIMEOUT_SECONDS", 0.3))
CACHE_SKIP_SECONDS = float(os.environ.get("CACHE_SKIP_SECONDS", 5.0))

# A group_send that cannot reach the layer (Redis outage) gives up after this long.
LIVE_SEND_TIMEOUT_SECONDS = float(os.environ.get("LIVE_SEND_TIMEOUT_SECONDS", 2.0))
# A region whose newest state is all that matters (an idea wall) is rendered at most this often.
LIVE_LATEST_EVERY_SECONDS = float(os.environ.get("LIVE_LATEST_EVERY_SECONDS", 0.5))
# Frames framed once and written straight to daphne's sockets (seminar/live/wire.py); off, each
# socket's frames go through the plain ASGI send.
LIVE_FAST_PATH = env_bool("LIVE_FAST_PATH", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# How long a seminar's data is kept after its last day; `manage.py purge_expired` (run daily
# from cron or a systemd timer, docs/deploy.md) removes seminars older than that.
SEMINAR_RETENTION_DAYS = int(os.environ.get("SEMINAR_RETENTION_DAYS", "180"))
