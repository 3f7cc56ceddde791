"""The Celery application; configuration comes from Django settings (CELERY_* names)."""

import os

from celery import Celery

# A worker or beat started without DJANGO_SETTINGS_MODULE runs with production settings (never
# DEBUG); development sets DJANGO_SETTINGS_MODULE=gcm_tracker.settings.local explicitly.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcm_tracker.settings.production")

app = Celery("gcm_tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
