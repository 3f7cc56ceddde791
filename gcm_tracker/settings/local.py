"""Local development: the embedded default (SQLite, Celery eager, console e-mail)."""

from .base import *

# DEBUG only when asked for (`make run` sets DJANGO_DEBUG=true); static files are served from
# the source folders either way.
DEBUG = env.bool("DJANGO_DEBUG", default=False)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-local-development-key-do-not-use")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
