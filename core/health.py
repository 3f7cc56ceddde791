"""Readiness checks: PostgreSQL, Redis and the Celery workers, each reported on its own.

Each check answers within about ``HEALTH_CHECK_TIMEOUT`` seconds and never raises: a failure is
a result (``{"status": "down", ...}``), logged with its cause for the operator.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

OK = "ok"
DOWN = "down"
NOT_CONFIGURED = "not_configured"


def _timeout() -> float:
    return float(getattr(settings, "HEALTH_CHECK_TIMEOUT", 1.0))


def check_database() -> dict[str, Any]:
    """The default database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        # Drop the broken connection now, so the next probe reconnects once the server is back.
        connection.close()
        raise
    return {"status": OK}


def check_redis() -> dict[str, Any]:
    """Redis (broker and cache) answers PING; not configured when REDIS_URL is empty."""
    import redis

    url = settings.REDIS_URL
    if not url:
        return {"status": NOT_CONFIGURED}
    client = redis.Redis.from_url(url, socket_connect_timeout=_timeout(), socket_timeout=_timeout())
    try:
        client.ping()
    finally:
        client.close()
    return {"status": OK}


def check_workers() -> dict[str, Any]:
    """At least one Celery worker answers a ping; not configured when tasks run eagerly."""
    from celery import current_app as app  # the project's app (gcm_tracker/__init__.py)

    if app.conf.task_always_eager:
        return {"status": NOT_CONFIGURED}
    replies = app.control.ping(timeout=_timeout(), limit=1) or []
    if not replies:
        return {"status": DOWN, "workers": 0}
    return {"status": OK, "workers": len(replies)}


def _required(name: str) -> bool:
    return name in getattr(settings, "HEALTH_REQUIRED_CHECKS", ("database", "redis"))


CHECKS: dict[str, Callable[[], dict[str, Any]]] = {
    "database": check_database,
    "redis": check_redis,
    "workers": check_workers,
}


def readiness() -> tuple[bool, dict[str, Any]]:
    """Run every check; (ready, report). Ready when no required check is down."""
    results: dict[str, Any] = {}
    ready = True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            result = check()
        except Exception as exc:
            logger.warning("Health check %s failed: %s", name, exc)
            result = {"status": DOWN}
        result["required"] = _required(name)
        result["duration_ms"] = round((time.monotonic() - started) * 1000)
        if result["status"] == DOWN and result["required"]:
            ready = False
        results[name] = result
    return ready, {"status": OK if ready else DOWN, "checks": results}
