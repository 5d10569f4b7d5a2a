"""Settings of the TGPL application, read from the environment (django-environ).

Every variable the application reads is listed, with its default, in
`.env.example`. Unsafe values have no default outside DEBUG: a production start
without SECRET_KEY or ALLOWED_HOSTS fails loudly.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from tgpl.env import StrictEnv

BASE_DIR = Path(__file__).resolve().parent.parent

env = StrictEnv()
# A local .env file (never committed) is read when present; real environment wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# DEBUG as the process was started: a development checkout. The test runner turns DEBUG
# off while tests run; this stays (seed_demo refuses without it unless told --demo).
DEVELOPMENT = DEBUG

if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
else:
    SECRET_KEY = env.str("SECRET_KEY")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "tgpl.admin_site.TgplAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_htmx",
    "simple_history",
    "import_export",
    "tgpl",
    "plans",
    "cases",
    "outreach",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Refuses an announced body over REQUEST_MAX_MB before anything reads it (413).
    "tgpl.security.middleware.RequestSizeLimitMiddleware",
    # Ends a session idle for SESSION_IDLE_SECONDS; the bell's poll is not activity.
    "tgpl.security.middleware.IdleTimeoutMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Two-factor sign-in and the forced password change come before any other page.
    "tgpl.security.middleware.AccountGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "tgpl.middleware.PrivateNoStoreMiddleware",
    # Axes must be last: it turns a lockout into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tgpl.urls"
WSGI_APPLICATION = "tgpl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tgpl.context_processors.shell",
            ],
            "builtins": ["tgpl.templatetags.tgpl"],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT compilation: the pages' queries are short, and compiling them cost more
    # than it saved (at 1,000,000 cases, 130 ms of the statistics' 1.2 s query; the
    # dashboard 2.5 -> 2.2 s, a head's home page 280 -> 200 ms). A server setting the
    # URL gives (?options=...) is kept beside it.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, [options.get("options", ""), "-c jit=off"]))
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A busy office on one machine: readers never wait for the writer (WAL), a writer
    # waits its turn instead of failing ("database is locked"), and a transaction that
    # will write takes the lock at its start (IMMEDIATE), so it cannot deadlock halfway.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "tgpl.User"

# --- Authentication and sessions -------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out (user, address) pair before any check.
    "axes.backends.AxesStandaloneBackend",
    # Then the limits against password spraying (tgpl/security/lockout.py).
    "tgpl.security.lockout.SprayingLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# tgpl/security/passwords.py: every message in Vietnamese.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "tgpl.security.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "tgpl.security.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "tgpl.security.passwords.CommonPasswordValidator"},
    {"NAME": "tgpl.security.passwords.NumericPasswordValidator"},
    {"NAME": "tgpl.security.passwords.RepetitivePasswordValidator"},
    {"NAME": "tgpl.security.passwords.PersonalInformationValidator"},
    {"NAME": "tgpl.security.passwords.DemoPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
# The 30 minutes count from the user's last activity, written by
# tgpl.security.middleware.IdleTimeoutMiddleware; saving on every request would let the
# bell's poll keep an idle session alive for ever.
SESSION_SAVE_EVERY_REQUEST = False
# How fresh that stamp is kept: written again once it is this old, not on every page.
SESSION_ACTIVITY_SECONDS = env.int("SESSION_ACTIVITY_SECONDS", default=60)
if not 0 <= SESSION_ACTIVITY_SECONDS < SESSION_COOKIE_AGE:
    # A stamp refreshed less often than the idle limit would end busy sessions.
    raise ImproperlyConfigured(
        f"SESSION_ACTIVITY_SECONDS={SESSION_ACTIVITY_SECONDS} must be at least 0 and "
        f"less than SESSION_IDLE_SECONDS={SESSION_COOKIE_AGE}"
    )
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# django-axes: lock the (user, address) pair, never a whole office behind one address.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tgpl.security.lockout.lockout_response"
AXES_USERNAME_CALLABLE = "tgpl.security.lockout.username_of"
AXES_VERBOSE = False
# The client address (django-ipware). AXES_PROXY_COUNT is the number of reverse proxies in
# front of the application, each adding the address it received from to X-Forwarded-For.
# 0: the header is ignored (anyone can send it) and REMOTE_ADDR is the client.
# N > 0: the client is the N-th address from the right of X-Forwarded-For (what the
# nearest trusted proxy saw); addresses a client put further left are ignored.
PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
if PROXY_COUNT > 0:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    # python-ipware counts the proxies listed inside the header: the nearest one is not.
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
    AXES_IPWARE_PROXY_COUNT = None
AXES_IPWARE_PROXY_ORDER = "left-most"
IPWARE_STRICT = False  # a client may send its own X-Forwarded-For: count from the right
# Password spraying (tgpl/security/lockout.py): failures within the cool-off period from
# one address across all accounts, on one account from all addresses (except addresses
# where that account signed in within LOGIN_KNOWN_ADDRESS_DAYS days).
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=20)
LOGIN_ACCOUNT_FAILURE_LIMIT = env.int("LOGIN_ACCOUNT_FAILURE_LIMIT", default=10)
LOGIN_KNOWN_ADDRESS_DAYS = env.int("LOGIN_KNOWN_ADDRESS_DAYS", default=30)

# Two-factor sign-in (TOTP) for administrators and the director (roles.requires_two_factor).
# Only a development checkout (DEBUG) may switch it off.
TWO_FACTOR_REQUIRED = env.bool("TWO_FACTOR_REQUIRED", default=True) if DEBUG else True

# --- Security headers -------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Probes call these over plain HTTP on the server itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]
CSRF_FAILURE_VIEW = "tgpl.error_views.csrf_failure"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Language, time, formats ------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["tgpl.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and uploaded files ----------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "tgpl.staticfiles.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
# The largest request body (files included): above it, the Vietnamese 413 page. The
# largest legitimate one is 20 attachments of 10 MB to a case (cases/rules/uploads.py).
REQUEST_MAX_MB = env.int("REQUEST_MAX_MB", default=210)
# /readyz/ fails when the disk holding MEDIA_ROOT has less free space than this.
READY_MIN_FREE_MB = env.int("READY_MIN_FREE_MB", default=500)

# --- E-mail -------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="tgpl@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Redis, cache, Celery -----------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
# The broker: Redis in production; on one machine with nothing installed (`make run`) a
# folder (kombu's filesystem transport, LOCAL_BROKER_DIR); with neither, tasks run
# eagerly in-process (tests, manage.py shell).
LOCAL_BROKER_DIR = env.str("LOCAL_BROKER_DIR", default="")
# The cache is shared by every process that serves pages: Redis in production (the web
# nodes); under `make run` a folder beside the broker's (its gunicorn has two workers);
# in one process (tests, manage.py shell) its memory.
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
elif LOCAL_BROKER_DIR:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(Path(LOCAL_BROKER_DIR).parent / "cache"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a catalogue shown on every page (tgpl/catalogues.py: the filters' choices,
# the page's band) is kept at most; a change made through the application renews it at
# once. 0: kept nowhere, read on every page.
CATALOGUE_SECONDS = env.int("CATALOGUE_SECONDS", default=600)
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
elif LOCAL_BROKER_DIR:
    CELERY_BROKER_URL = "filesystem://"
else:
    CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not (REDIS_URL or LOCAL_BROKER_DIR)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing never makes a user (or a scan) wait on a broker that is down: a short
# connect timeout, no retry; the outbox keeps what could not be handed over.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 0,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
if LOCAL_BROKER_DIR and not REDIS_URL:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": f"{LOCAL_BROKER_DIR}/out",  # one folder: what is sent is received
        "data_folder_out": f"{LOCAL_BROKER_DIR}/out",
        "processed_folder": f"{LOCAL_BROKER_DIR}/processed",
        "store_processed": False,
        # the exchange tables too (kombu's default is "control" in the working directory)
        "control_folder": f"{LOCAL_BROKER_DIR}/control",
    }

# --- Application -----------------------------------------------------------------------
SITE_NAME = env.str("SITE_NAME", default="Phần mềm Trợ giúp pháp lý")
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Statistics shown to those who may not see the people (the Sở reviewer): a count of
# 1 to STATISTICS_MIN_CELL - 1 is shown as "< 5" (tgpl/statistics.py).
STATISTICS_MIN_CELL = env.int("STATISTICS_MIN_CELL", default=5)

OTP_TOTP_ISSUER = SITE_NAME  # the account's name in the authenticator app

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False  # tgpl.spreadsheets escapes every cell itself

# --- Public forms: password reset, online intake (issue 12.7, 12.8) -------------------
# Tries per client address (the lockout's address) within the window.
PASSWORD_RESET_LIMIT = env.int("PASSWORD_RESET_LIMIT", default=5)
PASSWORD_RESET_WINDOW_SECONDS = env.int("PASSWORD_RESET_WINDOW_SECONDS", default=3600)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link works for one day
ONLINE_INTAKE_LIMIT = env.int("ONLINE_INTAKE_LIMIT", default=5)
ONLINE_INTAKE_WINDOW_SECONDS = env.int("ONLINE_INTAKE_WINDOW_SECONDS", default=3600)
ONLINE_STATUS_LIMIT = env.int("ONLINE_STATUS_LIMIT", default=30)
# Days a handled online submission keeps the person's data (then blanked; cases/retention_online).
ONLINE_SUBMISSION_KEEP_DAYS = env.int("ONLINE_SUBMISSION_KEEP_DAYS", default=90)
# The centre named in the header of the public pages (the login page, the online intake);
# empty: the centre's own name when the database holds exactly one.
CENTRE_NAME = env.str("CENTRE_NAME", default="")
