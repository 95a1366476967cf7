"""Settings for the reform site, read from the environment.

Defaults are safe for development. With DJANGO_DEBUG off (the default) the
site refuses to start without DJANGO_SECRET_KEY, so a production server can
never run on a key that is published in this repository.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import get_language_info

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# A git-ignored .env file (written by `make run`) holds a developer's local
# settings, so plain `manage.py` commands work after setup. Variables already in
# the environment win; DJANGO_ENV_FILE="" turns the file off.
ENV_FILE = env.str("DJANGO_ENV_FILE", default=str(BASE_DIR / ".env"))
if ENV_FILE and Path(ENV_FILE).is_file():
    environ.Env.read_env(ENV_FILE)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY to a long random string (or DJANGO_DEBUG=1 for "
            "local development). The site will not start in production without it."
        )
    SECRET_KEY = "development-only-key-never-used-with-debug-off"  # noqa: S105 (debug only)

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS",
    default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [],
)
if not ALLOWED_HOSTS:
    # Without it every request would get a silent 400.
    raise ImproperlyConfigured(
        "Set DJANGO_ALLOWED_HOSTS to the site's host names, comma-separated (such as "
        "reform.example.org). The site will not start in production without it."
    )
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks: it adds each translated
    # field's per-language columns (title_en, title_es) before the admin reads them.
    "modeltranslation",
    # Django's admin, with the site's own admin site (two-factor sign-in, roles, dashboard).
    "reform_site.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "markdownx",
    "reform_site.apps.SignInProtectionConfig",  # django-axes, under a plain name
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "simple_history",
    # The ground floor first, the top floor after it; the apps import core only.
    "core",
    "reform_site",
    "areas",
    "media_center",
    "policies",
    "feedback",
    "comparisons",
    "events",
    # Above every app whose content it announces (each app's ``alerts`` module).
    "alerts",
]

MIDDLEWARE = [
    # Outermost, so that every response carries it, /healthz and errors included.
    "core.permissions_policy.PermissionsPolicyMiddleware",
    # /healthz first: load balancers ask by address and over plain HTTP.
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known (part of the key); a stored page skips the rest.
    "core.pagecache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    # Change history records who made each change.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it answers locked-out sign-ins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "reform_site.urls"

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
                "reform_site.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "reform_site.wsgi.application"

# An SQLite file under the git-ignored var/ (made by `make run`) unless DATABASE_URL
# says otherwise.
VAR_DIR = BASE_DIR / "var"
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's Redis cache when REDIS_URL is set, so that every app server shares
# pages, rate limits and the content version; while Redis does not answer it
# behaves as an empty cache (core/redis_cache.py). Local memory otherwise.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="reform"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# Without REDIS_URL every process keeps its own cache; the processes of one app
# server then share the content version (core/content_version.py) through this
# file, so a save through one shows at once on all. Several app servers need Redis.
CONTENT_VERSION_FILE = None
if not REDIS_URL:
    CONTENT_VERSION_FILE = Path(
        env.str("CONTENT_VERSION_FILE", default=str(VAR_DIR / "content-version"))
    )

# The page cache for anonymous visitors (core/pagecache.py): the longest any
# page is kept (0 turns it off), the largest page or download it keeps, and
# addresses it never keeps.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_MAX_BYTES = env.int("PAGE_CACHE_MAX_BYTES", default=8 * 1024 * 1024)
PAGE_CACHE_SKIP_PREFIXES = ["/admin/", "/markdownx/", "/uploads/", "/healthz"]
# Figures and page parts built once per content change (core/fragments.py).
FRAGMENT_CACHE = env.bool("FRAGMENT_CACHE", default=True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The languages the site is written in. English, the language staff write first,
# is served without a prefix (/areas/); every other language under its code
# (/es/areas/). Adding one: see "Adding a language" in the README.
LANGUAGES = [("en", "English"), ("es", "Español")]
LANGUAGE_CODE = env.str("DJANGO_LANGUAGE_CODE", default="en")
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(
        f"DJANGO_LANGUAGE_CODE must be one of the site's languages: {', '.join(dict(LANGUAGES))}."
    )
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers as each language writes them (reform_site/formats/<code>/formats.py).
FORMAT_MODULE_PATH = ["reform_site.formats"]
# Staff-written content in every language (django-modeltranslation): each app's
# translation.py names the fields. English is always filled in; a field left
# empty in another language shows the English, marked as untranslated.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"


def MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME(verbose_name, code):
    """The admin labels each language's copy by the language's name: "summary (Spanish)"."""
    return f"{verbose_name} ({get_language_info(code)['name']})"


TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="America/Chicago")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "/uploads/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "uploads")
# Uploads in an S3-compatible bucket instead of MEDIA_ROOT, for several app
# servers (core/object_storage.py). The key comes from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (or the machine's role), as boto3 finds it.
UPLOADS_S3_BUCKET = env.str("UPLOADS_S3_BUCKET", default="")
# How long a signed address at the bucket works; /uploads/<name> makes a fresh one.
UPLOADS_S3_URL_SECONDS = env.int("UPLOADS_S3_URL_SECONDS", default=300)
if UPLOADS_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "core.object_storage.UploadsStorage",
        "OPTIONS": {
            "bucket_name": UPLOADS_S3_BUCKET,
            "endpoint_url": env.str("UPLOADS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("UPLOADS_S3_REGION", default="") or None,
            "location": env.str("UPLOADS_S3_PREFIX", default=""),
        },
    }
# `manage.py backup` writes each backup (database and uploads) into a new folder
# here and keeps the newest BACKUP_KEEP (core/backups.py).
BACKUP_DIR = env.path("BACKUP_DIR", default=VAR_DIR / "backups")
BACKUP_KEEP = env.int("BACKUP_KEEP", default=14)
# Uploads larger than this stay out of memory while they are checked.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The largest document (a PDF) staff may upload to the document library.
DOCUMENT_UPLOAD_MAX_BYTES = env.int("DOCUMENT_UPLOAD_MAX_BYTES", default=25 * 1024 * 1024)

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address (https://reform.example.org), for the links in emails
# sent by commands, which have no request to take it from (the email alerts).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "")

# Email alerts (alerts/; README "Email alerts"): subscriptions with double opt-in,
# sent by `manage.py send_alerts` from cron or a timer.
ALERTS_FROM_EMAIL = env.str("ALERTS_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
# How long a confirmation link works; unconfirmed addresses are deleted after it.
ALERTS_CONFIRM_DAYS = env.int("ALERTS_CONFIRM_DAYS", default=3)
# A reminder goes out this many days before a draft's last day for comments.
ALERTS_REMINDER_DAYS = env.int("ALERTS_REMINDER_DAYS", default=3)
# Emails one run of send_alerts sends at most (run it every few minutes).
ALERTS_SEND_LIMIT = env.int("ALERTS_SEND_LIMIT", default=500)
# A failed email is retried after ALERTS_RETRY_SECONDS, doubling each time, this many tries.
ALERTS_MAX_ATTEMPTS = env.int("ALERTS_MAX_ATTEMPTS", default=6)
ALERTS_RETRY_SECONDS = env.int("ALERTS_RETRY_SECONDS", default=300)
# Sent emails are remembered (which alert went to which subscriber) this long; counts stay.
ALERTS_DELIVERY_LOG_DAYS = env.int("ALERTS_DELIVERY_LOG_DAYS", default=30)
# SQLite has no row locks: there, one sender at a time holds this file.
ALERTS_LOCK_FILE = Path(env.str("ALERTS_LOCK_FILE", default=str(VAR_DIR / "send_alerts.lock")))

# Images staff upload (covers and the Markdown editor's, whose preview and upload
# URLs the site answers itself, and the site's logo): checked in core/images.py.
IMAGE_UPLOAD_MAX_BYTES = env.int("IMAGE_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
IMAGE_UPLOAD_MAX_PIXELS = env.int("IMAGE_UPLOAD_MAX_PIXELS", default=40_000_000)

# Content Security Policy: nothing from another host, no inline scripts.
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
    }
}

# Feedback intake: abuse limits, staff notification and how long personal data
# is kept. The rate limit lives in the cache above, so it holds across app
# servers when REDIS_URL is set.
# Languages a resident may ask to be answered in: the languages staff can reply
# in, which need not be the languages the site itself is translated into.
FEEDBACK_REPLY_LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("pl", "Polski"),
    ("zh", "中文"),
    ("ar", "العربية"),
]
_rate = env.str("FEEDBACK_RATE_LIMIT", default="5/600").split("/")
if len(_rate) != 2 or not all(part.strip().isdecimal() and int(part) > 0 for part in _rate):
    raise ImproperlyConfigured(
        "FEEDBACK_RATE_LIMIT must be SUBMISSIONS/SECONDS, such as 5/600 (five every ten minutes)."
    )
FEEDBACK_RATE_LIMIT = (int(_rate[0]), int(_rate[1]))
# How long the confirmation page shows what was sent (a shared computer's next user).
FEEDBACK_CONFIRMATION_SECONDS = env.int("FEEDBACK_CONFIRMATION_SECONDS", default=3600)
FEEDBACK_MIN_SECONDS = env.int("FEEDBACK_MIN_SECONDS", default=3)
FEEDBACK_NOTIFY_EMAILS = env.list(
    "FEEDBACK_NOTIFY_EMAILS", default=["feedback@localhost"] if DEBUG else []
)
FEEDBACK_PERSONAL_DATA_DAYS = env.int("FEEDBACK_PERSONAL_DATA_DAYS", default=365)
# Key for hashing client addresses; empty means one derived from SECRET_KEY.
FEEDBACK_HASH_SALT = env.str("FEEDBACK_HASH_SALT", default="")
# How many reverse proxies in front append to X-Forwarded-For (0: use the peer address).
FEEDBACK_TRUSTED_PROXIES = env.int("FEEDBACK_TRUSTED_PROXIES", default=0)
# A form refused by the CSRF check comes back on its own page with its text.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

# /.well-known/security.txt (RFC 9116): where to report a security problem, as
# mailto: or https: addresses (a bare email address gets mailto:). Empty: the
# file answers 404 and `check --deploy` warns.
SECURITY_CONTACT = [
    f"mailto:{contact}" if "@" in contact and ":" not in contact else contact
    for contact in env.list(
        "SECURITY_CONTACT", default=["mailto:security@localhost"] if DEBUG else []
    )
]
for _contact in SECURITY_CONTACT:
    if not _contact.startswith(("mailto:", "https://", "tel:")):
        raise ImproperlyConfigured(
            f"SECURITY_CONTACT has {_contact!r}: give an email address, a mailto: or an "
            "https:// address (comma-separated for several)."
        )
# Languages the people reading security reports read, as language tags.
SECURITY_PREFERRED_LANGUAGES = env.list("SECURITY_PREFERRED_LANGUAGES", default=["en"])

# Staff sign-in throttling (django-axes): the admin holds residents' personal data.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # record failures only, not every sign-in
AXES_CLIENT_IP_CALLABLE = "feedback.abuse.client_address"  # the same proxy rules as feedback
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The two-factor sign-in form names its password field "auth-password": never record it.
AXES_SENSITIVE_PARAMETERS = ["auth-password"]

# Two-factor sign-in for the admin (django-two-factor-auth on django-otp): an
# authenticator app (TOTP) with one-time backup codes. Who must use it is decided
# in reform_site/staff_access.py; everyone else may choose to.
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"
LOGOUT_REDIRECT_URL = "admin:index"
TWO_FACTOR_PATCH_ADMIN = False  # the site's own admin site sends sign-ins there
TWO_FACTOR_LOGIN_TIMEOUT = 600  # seconds between the password and the code
TWO_FACTOR_REMEMBER_COOKIE_AGE = None  # every sign-in asks for a code
# Wrong codes slow the next try down (1, 2, 4, … seconds), on top of django-axes.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Device keys are secrets: the admin never shows them (an administrator resets a device instead).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Load balancers ask for /healthz over plain HTTP (it is answered before the redirect anyway).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 30)
    # Only the deployment knows whether every subdomain is on HTTPS.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=False)
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # pypdf logs each repair it tries on a damaged upload; the refusal says enough.
    "loggers": {"pypdf": {"level": "ERROR"}},
}
