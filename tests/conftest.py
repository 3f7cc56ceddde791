"""Shared test set-up: real services, reference data, role fixtures, a real worker, a browser.

Tests marked ``postgres``, ``redis``, ``worker`` or ``browser`` need a real server. Without it
they are skipped with the reason; with ``GCM_REQUIRE_SERVICES=1`` (as in CI) the run fails
instead, so CI never passes on skipped tests.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_SERVICES = os.environ.get("GCM_REQUIRE_SERVICES") == "1"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _redis_reachable() -> bool:
    url = settings.REDIS_URL
    if not url:
        return False
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), 2):
            return True
    except OSError:
        return False


def _service_problems() -> dict[str, str | None]:
    """For each service marker, why it cannot run here (None when it can)."""
    engine = settings.DATABASES["default"]["ENGINE"]
    postgres = None if "postgresql" in engine else "DATABASE_URL does not point to PostgreSQL"
    redis = None if _redis_reachable() else "REDIS_URL is unset or Redis is unreachable"
    browser = None
    if not Path(CHROMIUM).exists():
        browser = "Debian's chromium is not installed (make browser)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            browser = "the playwright package is not installed"
    return {
        "postgres": postgres,
        "redis": redis,
        "worker": redis,
        "browser": browser,
    }


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    problems = _service_problems()
    missing: set[str] = set()
    for item in items:
        for marker, problem in problems.items():
            if problem and item.get_closest_marker(marker):
                if REQUIRE_SERVICES:
                    missing.add(f"{marker}: {problem}")
                else:
                    item.add_marker(pytest.mark.skip(reason=f"needs {marker}: {problem}"))
    if missing:
        raise pytest.UsageError(
            "GCM_REQUIRE_SERVICES=1 but some tests cannot run: " + "; ".join(sorted(missing))
        )


_DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}


def _uses_db(item: pytest.Item) -> bool:
    return bool(item.get_closest_marker("django_db")) or bool(
        _DB_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """Create the test database, then load the reference data once, committed.

    At the end, sessions that the live server's keep-alive threads still hold on the test
    database are ended, so that pytest-django can drop it.
    """
    from django.db import connection

    from objectives.reference import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()
    yield
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(autouse=True)
def _reference_data(request: pytest.FixtureRequest) -> None:
    """Make sure the reference data is in the test database.

    It is loaded once per database (above). A transactional test empties the tables at its
    end; pytest-django runs those after the plain database tests, and the next transactional
    test loads the data again here (committed, as it runs outside a transaction).
    """
    if not _uses_db(request.node):
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    from objectives.models import Objective
    from objectives.reference import load_reference_data

    with blocker.unblock():
        if not Objective.objects.exists():
            load_reference_data()


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache (kept aggregates, throttle counters)."""
    from django.core.cache import cache

    cache.clear()


# --- users with roles -------------------------------------------------------------------------


@pytest.fixture
def make_user(db: Any) -> Any:
    """Create a user, optionally with a role in a scope: make_user(role, country="PRT")."""
    from accounts.models import Organisation, User
    from accounts.services import grant_role
    from countries.models import Country, ReviewRegion

    counter = {"n": 0}

    def make(
        role: str | None = None,
        *,
        country: str | None = None,
        organisation: Organisation | None = None,
        review_region: str | None = None,
        superuser: bool = False,
        email: str | None = None,
        password: str = "pass-word-123",
    ) -> User:
        counter["n"] += 1
        email = email or f"user{counter['n']}-{role or 'plain'}@example.test"
        if superuser:
            user = User.objects.create_superuser(email, password)
        else:
            user = User.objects.create_user(email, password)
        if role:
            grant_role(
                actor=None,
                user=user,
                role=role,
                country_id=Country.objects.get(alpha3=country).pk if country else None,
                organisation_id=organisation.pk if organisation else None,
                review_region_id=(
                    ReviewRegion.objects.get(code=review_region).pk if review_region else None
                ),
            )
        return user

    return make


@pytest.fixture
def make_organisation(db: Any) -> Any:
    from accounts.models import Organisation
    from countries.models import Country
    from objectives.models import OrganisationType

    counter = {"n": 0}

    def make(name: str | None = None, *, country: str | None = "PRT", **extra: Any) -> Organisation:
        counter["n"] += 1
        return Organisation.objects.create(
            name=name or f"Organisation {counter['n']}",
            type=extra.pop("type", None) or OrganisationType.objects.order_by("order").first(),
            country=Country.objects.get(alpha3=country) if country else None,
            **extra,
        )

    return make


@pytest.fixture
def api_client() -> Any:
    from rest_framework.test import APIClient

    return APIClient()


# --- a real Celery worker on the real Redis broker --------------------------------------------


QUEUES = ("celery", "reports", "notifications")


def worker_queue_prefix(worker_id: str) -> str:
    return f"test-{worker_id}-{os.getpid()}-"


@contextmanager
def running_celery_worker(
    prefix: str,
    *,
    name: str = "",
    pool: str = "solo",
    include: str = "",
    extra_env: dict[str, str] | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``celery worker`` in a subprocess on the real Redis, sharing the test database.

    The worker consumes every queue (default, reports, notifications) under ``prefix``; this
    process routes its tasks there too, so parallel test processes never consume each other's
    tasks. Yields the worker process.
    """
    from gcm_tracker.celery import app
    from gcm_tracker.settings.base import task_routes

    node = name or f"{prefix}celery"
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gcm_tracker.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_QUEUE_PREFIX": prefix,
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    if "postgresql" in db["ENGINE"]:
        # The worker reads and writes the same test database as this test process.
        # (Tasks that touch the database also need the ``postgres`` marker: SQLite's test
        # database lives in this process's memory.)
        env["DATABASE_URL"] = (
            f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
    env.update(extra_env or {})  # (a fault test may point the worker at a server of its own)
    old = (app.conf.task_always_eager, app.conf.task_default_queue, app.conf.task_routes)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = f"{prefix}celery"
    app.conf.task_routes = task_routes(prefix)
    _reset_router(app)
    argv = [sys.executable, "-m", "celery", "-A", "gcm_tracker", "worker", f"--pool={pool}"]
    if pool != "solo":
        argv.append("--concurrency=1")
    if include:
        argv += ["--include", include]
    argv += [
        "--loglevel=WARNING",
        "-Q",
        ",".join(f"{prefix}{queue}" for queue in QUEUES),
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        "-n",
        f"{node}@%h",
    ]
    proc = subprocess.Popen(argv, cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            replies = app.control.ping(destination=[f"{node}@{socket.gethostname()}"], timeout=1)
            if replies:
                break
            if proc.poll() is not None:
                raise RuntimeError("the Celery worker exited during start-up")
        else:
            raise RuntimeError("the Celery worker did not answer within 60 s")
        yield proc
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue, app.conf.task_routes = old
        _reset_router(app)
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _reset_router(app: Any) -> None:
    """Make the app read task_routes again (Celery caches its router)."""
    app.amqp.flush_routes()
    app.amqp.__dict__.pop("router", None)


@pytest.fixture
def celery_worker_process(transactional_db: Any, worker_id: str) -> Iterator[str]:
    """A real worker consuming all queues of this test process; yields the default queue."""
    prefix = worker_queue_prefix(worker_id)
    with running_celery_worker(prefix):
        yield f"{prefix}celery"


# --- a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _chromium() -> Iterator[Any]:
    """One headless Debian chromium for the whole session (each test gets its own context)."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(live_server: Any, _chromium: Any) -> Iterator[Any]:
    """A Playwright page in a fresh browser context; relative URLs go to the live server."""
    context = _chromium.new_context(base_url=live_server.url)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    try:
        yield pg
    finally:
        context.close()
