"""Redis down: reads keep answering, writes that need the broker answer 503 and keep nothing.

Each test starts its own redis-server (ports 6391-6395, one per xdist worker; the shared Redis
is never touched), points the cache, the Celery broker and REDIS_URL at it, uses it, then stops
it and checks what the app answers during the outage.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import override_settings

from reports.models import ReportJob

REDIS_SERVER = shutil.which("redis-server")

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed"),
]

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/objectives/",
    "/objectives/13/",
    "/principles/",
    "/process/",
    "/countries/",
    "/countries/PRT/",
    "/initiatives/",
    "/initiatives/mapping/",
    "/initiatives/calls/",
    "/plans/",
    "/reviews/",
    "/reviews/pledges/",
    "/reviews/downloads/",
    "/health/live/",
]
PUBLIC_ENDPOINTS = [
    "/api/v1/objectives/",
    "/api/v1/objectives/1/",
    "/api/v1/principles/",
    "/api/v1/thematic-areas/",
    "/api/v1/sdg-targets/",
    "/api/v1/process-steps/",
    "/api/v1/countries/",
    "/api/v1/regions/",
    "/api/v1/review-regions/",
    "/api/v1/initiatives/",
    "/api/v1/organisations/",
    "/api/v1/calls/",
    "/api/v1/plans/",
    "/api/v1/reviews/",
    "/api/v1/submissions/",
    "/api/v1/pledges/",
    "/api/v1/reports/bulk/",
    "/api/v1/schema/",
]


class RedisServer:
    """A throw-away redis-server on its own port, without persistence."""

    def __init__(self, port: int, workdir: Path) -> None:
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = subprocess.Popen(
            [
                str(REDIS_SERVER),
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not self.reachable():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"redis-server did not start on port {port}")
            time.sleep(0.05)

    def reachable(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), 0.2):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@pytest.fixture
def own_redis(worker_id: str, tmp_path: Path) -> Iterator[RedisServer]:
    """A private Redis that the cache, the broker and the health check use, stopped at the end."""
    from gcm_tracker.celery import app

    index = 0 if worker_id == "master" else int(worker_id.removeprefix("gw")) % 5
    server = RedisServer(6391 + index, tmp_path)
    caches = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    old = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = server.url
    _drop_broker_connections(app)
    try:
        with override_settings(REDIS_URL=server.url, CACHES=caches, CELERY_TASK_ALWAYS_EAGER=False):
            yield server
    finally:
        app.conf.task_always_eager, app.conf.broker_url = old
        # The app keeps its connection and producer pools: close them, or the next test in
        # this process (a real worker's ping, a report request) talks to the stopped server.
        _drop_broker_connections(app)
        server.stop()


def _drop_broker_connections(app: Any) -> None:
    """Forget every broker connection pool (kombu keeps them per URL, process-wide)."""
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def test_the_private_redis_really_serves_the_cache_before_the_outage(own_redis: Any) -> None:
    cache.set("outage-probe", "here")
    import redis

    assert redis.Redis.from_url(own_redis.url).exists(":1:outage-probe") == 1


def test_every_public_page_and_read_endpoint_answers_200_with_redis_down(
    db: Any, client: Any, api_client: Any, own_redis: Any, caplog: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr("core.cache._last_logged", 0.0)  # the warning is rate-limited
    # Up: throttling counts in Redis.
    assert api_client.get("/api/v1/objectives/").status_code == 200
    own_redis.stop()
    failures = {}
    for url in PUBLIC_PAGES:
        status = client.get(url).status_code
        if status != 200:
            failures[url] = status
    for url in PUBLIC_ENDPOINTS:
        status = api_client.get(url).status_code
        if status != 200:
            failures[url] = status
    assert failures == {}
    assert "Cache unavailable" in caplog.text


def test_a_logged_in_user_reads_pages_and_the_api_with_redis_down(
    db: Any, client: Any, api_client: Any, make_user: Any, own_redis: Any
) -> None:
    user = make_user()
    own_redis.stop()
    client.force_login(user)
    api_client.force_authenticate(user)
    assert client.get("/account/").status_code == 200
    assert client.get("/reviews/reports/").status_code == 200
    assert api_client.get("/api/v1/me/").status_code == 200
    assert api_client.get("/api/v1/reports/").status_code == 200


def test_a_report_request_answers_503_fast_and_keeps_no_job_with_redis_down(
    db: Any, api_client: Any, make_user: Any, own_redis: Any
) -> None:
    from reviews.services import load_review_cycles

    load_review_cycles()
    user = make_user()
    api_client.force_authenticate(user)
    own_redis.stop()
    started = time.monotonic()
    response = api_client.post(
        "/api/v1/reports/", {"kind": "country_profile", "parameters": {"country": "PRT"}}
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    body = response.json()
    assert body["code"] == "unavailable"
    assert "unavailable" in body["detail"]
    assert not ReportJob.objects.exists()
    assert not ReportJob.history.exists()
    assert elapsed < 5


def test_the_web_report_form_answers_503_with_the_message_and_keeps_no_job(
    db: Any, client: Any, make_user: Any, own_redis: Any
) -> None:
    client.force_login(make_user())
    own_redis.stop()
    started = time.monotonic()
    response = client.post(
        "/reviews/reports/request/", {"kind": "country_profile", "country": "PRT"}
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert "try again in a few minutes" in response.content.decode()
    assert not ReportJob.objects.exists()
    assert elapsed < 5


def test_readiness_reports_redis_down_with_503_while_liveness_answers(
    db: Any, client: Any, own_redis: Any
) -> None:
    ready = client.get("/health/ready/")
    assert ready.status_code == 200
    assert ready.json()["checks"]["redis"]["status"] == "ok"
    own_redis.stop()
    live = client.get("/health/live/")
    assert live.status_code == 200
    assert live.json() == {"status": "ok"}
    assert live["Cache-Control"].count("no-store") == 1
    started = time.monotonic()
    ready = client.get("/health/ready")
    assert time.monotonic() - started < 5  # probes time out quickly, never hang
    assert ready.status_code == 503
    report = ready.json()
    assert report["status"] == "down"
    assert report["checks"]["database"]["status"] == "ok"
    assert report["checks"]["redis"] == {
        "status": "down",
        "required": True,
        "duration_ms": report["checks"]["redis"]["duration_ms"],
    }
    assert report["checks"]["workers"]["status"] == "down"
    assert report["checks"]["workers"]["required"] is False


def _parameterless_paths() -> list[str]:
    """Every URL of the site that takes no argument (new apps' pages included)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found: list[str] = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for pattern in patterns:
            route = str(pattern.pattern)
            if "<" in route or "(?P" in route:
                continue
            route = route.lstrip("^").rstrip("$").replace("/?", "/").replace("\\", "")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern):
                found.append("/" + prefix + route)

    walk(get_resolver().url_patterns, "")
    return sorted(set(found))


def test_no_parameterless_url_answers_a_server_error_with_redis_down(
    db: Any, client: Any, own_redis: Any
) -> None:
    own_redis.stop()
    paths = _parameterless_paths()
    assert "/api/v1/pledges/" in paths
    errors = {path: status for path in paths if (status := client.get(path).status_code) >= 500}
    # /health/ready is the one URL meant to answer 503 while Redis is down.
    assert errors == {"/health/": 503, "/health/ready/": 503}
