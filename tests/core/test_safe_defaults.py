"""Safe defaults: entry points choose production settings, demo data refuses production,
and clients are identified behind a configured number of trusted proxies only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from rest_framework.throttling import AnonRateThrottle

from core.clients import client_ip

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "k" * 20 + "-production-like-secret-" + "x9Q" * 12,
    "DJANGO_ALLOWED_HOSTS": "gcm.example.org",
}


def _run(code_or_args: list[str], tmp_path: Path, **extra: str) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(PRODUCTION_ENV)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'safe-defaults.sqlite3'}"
    env.update(extra)
    return subprocess.run(
        [sys.executable, *code_or_args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("module", ["gcm_tracker.wsgi", "gcm_tracker.asgi", "gcm_tracker.celery"])
def test_server_entry_points_default_to_production_settings(module: str, tmp_path: Path) -> None:
    code = (
        f"import {module}, django; django.setup(); from django.conf import settings; "
        "print(settings.SETTINGS_MODULE, settings.DEBUG)"
    )
    result = _run(["-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["gcm_tracker.settings.production", "False"]


def test_local_settings_keep_debug_off_unless_asked(tmp_path: Path) -> None:
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    local = {"DJANGO_SETTINGS_MODULE": "gcm_tracker.settings.local"}
    assert _run(["-c", code], tmp_path, **local).stdout.strip() == "False"
    asked = _run(["-c", code], tmp_path, **local, DJANGO_DEBUG="true")
    assert asked.stdout.strip() == "True"


def test_load_demo_data_refuses_production_settings(tmp_path: Path) -> None:
    result = _run(
        ["manage.py", "load_demo_data"],
        tmp_path,
        DJANGO_SETTINGS_MODULE="gcm_tracker.settings.production",
    )
    assert result.returncode != 0
    assert "Refusing to load demo data" in result.stderr
    assert "Demo data loaded" not in result.stdout


def test_database_connections_are_health_checked_before_reuse() -> None:
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


# --- trusted proxies ----------------------------------------------------------------------------


def _request(remote: str, forwarded: str | None = None) -> Any:
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_forwarded_for_is_ignored_when_no_proxy_is_trusted() -> None:
    assert settings.NUM_PROXIES == 0
    assert client_ip(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@override_settings(NUM_PROXIES=1)
def test_one_trusted_proxy_means_the_rightmost_forwarded_address() -> None:
    # A client-forged first entry is not trusted: the proxy appended the real address last.
    request = _request("10.0.0.2", "1.2.3.4, 198.51.100.7")
    assert client_ip(request) == "198.51.100.7"
    assert client_ip(_request("10.0.0.2")) == "10.0.0.2"


@pytest.fixture
def tight_anon_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    cache.clear()
    monkeypatch.setattr(AnonRateThrottle, "rate", "3/min", raising=False)
    yield
    cache.clear()


def test_rotating_x_forwarded_for_does_not_escape_the_api_throttle(
    db: Any, api_client: Any, tight_anon_throttle: None
) -> None:
    statuses = [
        api_client.get(
            "/api/v1/objectives/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", REMOTE_ADDR="203.0.113.5"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_behind_one_proxy_the_throttle_counts_the_address_the_proxy_saw(
    db: Any, api_client: Any, tight_anon_throttle: None
) -> None:
    with override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}):
        statuses = [
            api_client.get(
                "/api/v1/objectives/",
                HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 192.0.2.44",
                REMOTE_ADDR="10.0.0.2",
            ).status_code
            for n in range(4)
        ]
        other = api_client.get(
            "/api/v1/objectives/", HTTP_X_FORWARDED_FOR="192.0.2.45", REMOTE_ADDR="10.0.0.2"
        )
    assert statuses == [200, 200, 200, 429]
    assert other.status_code == 200
