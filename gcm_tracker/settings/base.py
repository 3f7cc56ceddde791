"""Settings shared by every environment, read from the environment through one environ.Env."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS: list[str] = env.list("DJANGO_ALLOWED_HOSTS", default=[])
# `manage.py load_demo_data` creates users with published passwords; production forbids it.
DEMO_DATA_ALLOWED = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "csp",
    "core",
    "objectives",
    "countries",
    "accounts",
    "initiatives",
    "plans",
    "reviews",
    "activities",
    "reports",
    # The scale data generator and `manage.py bench` (make bench); no models, no URLs.
    "benchmarks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # The one page mapper for service errors (the API has its own in core.api.errors).
    "core.pages.DomainErrorMiddleware",
    # Axes must be last: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gcm_tracker.urls"
WSGI_APPLICATION = "gcm_tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.roles",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
# A persistent connection is checked before reuse, so a PostgreSQL restart costs only the
# requests in flight, not every request that picks up a dead connection afterwards.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# SQLite (the embedded default) cannot enforce NULLS NOT DISTINCT; grant_role() is idempotent
# by lookup, and PostgreSQL, the production database, enforces the constraint.
SILENCED_SYSTEM_CHECKS = ["models.W047"]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "core:home"

# Login throttling: lock out a username + IP pair after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The login form posts the e-mail address in the field named "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Lock out by the e-mail address whatever its case (login is case-insensitive).
AXES_USERNAME_CALLABLE = "accounts.authentication.axes_username"
# The client address behind NUM_PROXIES trusted proxies (X-Forwarded-For ignored by default).
AXES_CLIENT_IP_CALLABLE = "core.clients.client_ip"

# Trusted reverse proxies in front of the app: how many append to X-Forwarded-For. 0 (the
# default) trusts none, so a forged header cannot escape a throttle; behind one nginx, set 1.
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

# Registration and password reset send e-mail: at most this many per window, per IP address
# and per e-mail address (core.ratelimit; fails open when the cache is down).
ACCOUNT_EMAIL_RATE_LIMIT = env.int("ACCOUNT_EMAIL_RATE_LIMIT", default=5)
ACCOUNT_EMAIL_RATE_WINDOW = env.int("ACCOUNT_EMAIL_RATE_WINDOW", default=60 * 60)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploads: evidence files and spreadsheets are checked by core.uploads; this caps the request.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024
MAX_UPLOAD_SIZE = env.int("MAX_UPLOAD_SIZE", default=10 * 1024 * 1024)

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="GCM Tracker <no-reply@gcm-tracker.local>")

# Celery: with no REDIS_URL the tasks run eagerly in the web process (the embedded default).
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With the broker down, publishing fails within about two seconds (no 20 s hang): a short
# connect timeout, no retry loop on publish; the service turns the failure into a 503.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY = False
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
# Redis hands an unacknowledged message to another worker after visibility_timeout: it must
# exceed the longest task (the hard time limit), or a slow report would run twice at once.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": max(3600, 2 * CELERY_TASK_TIME_LIMIT),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}


def task_routes(prefix: str = "") -> dict[str, dict[str, str]]:
    """Reports and e-mails on queues of their own, so neither waits behind the other.

    Everything else goes to the default queue (``<prefix>celery``). The prefix lets a test
    worker consume queues of its own.
    """
    reports = {"queue": f"{prefix}reports"}
    notifications = {"queue": f"{prefix}notifications"}
    return {
        "reviews.generate_report": reports,
        "reviews.regenerate_bulk_exports": reports,
        "reports.sweep_report_jobs": reports,
        "initiatives.tasks.notify_transition": notifications,
        "initiatives.tasks.deliver_pending_notifications": notifications,
    }


TASK_QUEUE_PREFIX = env("CELERY_QUEUE_PREFIX", default="")
CELERY_TASK_DEFAULT_QUEUE = f"{TASK_QUEUE_PREFIX}celery"
CELERY_TASK_ROUTES = task_routes(TASK_QUEUE_PREFIX)
CELERY_TIMEZONE = TIME_ZONE
# Report jobs: a running job holds a lease renewed on every progress tick; a job whose lease
# expired lost its worker and is re-queued by the sweep, up to REPORT_MAX_ATTEMPTS runs.
REPORT_LEASE_SECONDS = env.int("REPORT_LEASE_SECONDS", default=5 * 60)
REPORT_MAX_ATTEMPTS = env.int("REPORT_MAX_ATTEMPTS", default=3)
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {}
# reports: rebuild the public bulk downloads every night (stable URLs under /reviews/downloads/;
# the task keeps the name it had in the reviews app).
CELERY_BEAT_SCHEDULE["reviews-bulk-exports"] = {
    "task": "reviews.regenerate_bulk_exports",
    "schedule": crontab(hour=2, minute=30),
}
# reports: re-queue report jobs whose worker died (lease expired), fail those out of attempts.
CELERY_BEAT_SCHEDULE["reports-sweep-report-jobs"] = {
    "task": "reports.sweep_report_jobs",
    "schedule": 120.0,
}
# initiatives: the outbox sweep sends moderation e-mails whose task was lost (broker down).
CELERY_BEAT_SCHEDULE["initiatives-pending-notifications"] = {
    "task": "initiatives.tasks.deliver_pending_notifications",
    "schedule": 60.0,
}

# The Redis cache fails open (core.cache): with Redis down, throttling and the e-mail rate
# limits allow requests and log a warning, so reads keep answering.
CACHES = {
    "default": (
        {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# API request bodies: JSON at most this large and this deeply nested (400 beyond).
API_MAX_JSON_BYTES = env.int("API_MAX_JSON_BYTES", default=1024 * 1024)
API_MAX_JSON_DEPTH = env.int("API_MAX_JSON_DEPTH", default=32)

# /health/ready: each check waits at most this long; the required ones make it answer 503.
HEALTH_CHECK_TIMEOUT = env.float("HEALTH_CHECK_TIMEOUT", default=1.0)
HEALTH_REQUIRED_CHECKS = env.list("HEALTH_REQUIRED_CHECKS", default=["database", "redis"])

# Public aggregates (mapping matrices, list totals) are kept this long at most; the publish
# service makes them stale at once, so this only bounds a bump lost to a cache outage.
PUBLIC_AGGREGATES_TIMEOUT = env.int("PUBLIC_AGGREGATES_TIMEOUT", default=600)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Default deny: every API view states the permission it needs.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAdminUser"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        # Unknown ordering fields are a 400, not silently ignored.
        "core.api.filters.OrderingFilter",
    ],
    # JSON bodies are limited in size and depth (core.api.parsers): a 400, never a 500.
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="120/min"),
        "user": env("API_THROTTLE_USER", default="600/min"),
    },
    # Throttles identify clients by REMOTE_ADDR, or behind NUM_PROXIES trusted proxies.
    "NUM_PROXIES": NUM_PROXIES,
    "DEFAULT_VERSIONING_CLASS": None,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "NON_FIELD_ERRORS_KEY": "non_field_errors",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "GCM implementation tracker API",
    "DESCRIPTION": (
        "Reference framework, initiatives, national implementation plans, pledges and reviews "
        "of the Global Compact for Safe, Orderly and Regular Migration."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.document_errors",
    ],
    # One clear, stable name per choice set: fields called status, kind, form, role or state
    # exist in several apps, and a choice set used by two fields must not get two names.
    "ENUM_NAME_OVERRIDES": {
        # accounts, countries, objectives
        "MembershipRoleEnum": "accounts.models.Role",
        "CountryDesignationEnum": "countries.models.CountryDesignation.Kind",
        "UnStatusEnum": "countries.models.Country.UNStatus",
        "ToolKindEnum": "objectives.models.Tool.Kind",
        # initiatives
        "ModerationStateEnum": "initiatives.models.ModerationState",
        "ActivityStatusEnum": "initiatives.models.ActivityStatus",
        "DatePrecisionEnum": "initiatives.models.DatePrecision",
        "GeoLevelEnum": "initiatives.models.GeoLevel",
        "CrisisResponseEnum": "initiatives.models.CrisisResponse",
        "FundingStatusEnum": "initiatives.models.FundingStatus",
        "InitiativeSourceEnum": "initiatives.models.Source",
        "InitiativeCategoryEnum": "initiatives.models.CATEGORY_CHOICES",
        "PartnerRoleEnum": "initiatives.models.PartnerRole",
        "OutputKindEnum": "initiatives.models.OutputKind",
        # plans
        "PlanFormEnum": "plans.models.plan.Plan.Form",
        "PlanStatusEnum": "plans.models.plan.Plan.Status",
        "ChecklistStatusEnum": "plans.models.plan.ChecklistStatus",
        "MeasureStatusEnum": "plans.models.measures.Measure.Status",
        "MeasureLevelEnum": "plans.models.measures.Measure.Level",
        "InterventionTypeEnum": "plans.models.measures.Measure.InterventionType",
        "DeadlineKindEnum": "plans.models.measures.Measure.DeadlineKind",
        "BudgetLineKindEnum": "plans.models.measures.BudgetLine.Kind",
        "BudgetLineStatusEnum": "plans.models.measures.BudgetLine.Status",
        "BudgetSourceTypeEnum": "plans.models.measures.BudgetLine.SourceType",
        "ProgressUpdateStateEnum": "plans.models.measures.ProgressUpdate.State",
        "IndicatorTypeEnum": "plans.models.indicators.Indicator.Type",
        "IndicatorPeriodicityEnum": "plans.models.indicators.Indicator.Periodicity",
        "IndicatorValueStatusEnum": "plans.models.indicators.IndicatorValue.Status",
        # reviews
        "ReviewCycleKindEnum": "reviews.models.ReviewCycle.Kind",
        "SubmissionKindEnum": "reviews.models.Submission.Kind",
        "SubmissionStatusEnum": "reviews.models.Submission.Status",
        "PledgeFormEnum": "reviews.models.Pledge.Form",
        "PledgeTypeEnum": "reviews.models.Pledge.Type",
        "PledgeStatusEnum": "reviews.models.Pledge.Status",
        "ReportJobKindEnum": "reports.models.ReportJob.Kind",
        "ReportJobStatusEnum": "reports.models.ReportJob.Status",
        # activities
        "ActivityKindEnum": "activities.models.Kind",
        "ActivityInitiatorTypeEnum": "activities.models.InitiatorType",
        "ActivitySourceDocumentEnum": "activities.models.SourceDocument",
        "ActivityAnnexRegionEnum": "activities.models.AnnexRegion",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # HTMX reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy: scripts, styles and everything else from this site only; no inline
# script or style on our pages (the API docs page relaxes styles, see gcm_tracker/urls.py).
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
# core.headers.PermissionsPolicyMiddleware: the browser features the app never uses are off.
