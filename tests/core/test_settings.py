"""Production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_check_deploy(tmp_path):
    # The browser fixture allows async-unsafe calls in this process; a deployment never does.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "gcm_tracker.settings.production",
        "DJANGO_SECRET_KEY": "k" * 20 + "-production-like-secret-" + "x9Q" * 12,
        "DJANGO_ALLOWED_HOSTS": "gcm.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check-deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
