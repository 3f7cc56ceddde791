"""Test-only: a worker started with ``--include tests.reports.slow_builders`` builds slowly.

On a job's first attempt the build writes the pool process id to ``SLOW_REPORT_PIDFILE`` and
ticks progress for ``SLOW_REPORT_SECONDS`` before building, so a test can kill the process
mid-report. Later attempts build at full speed. Production code knows nothing of this.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from reports import builders

_build = builders.build


def slow_build(job: Any, progress: Any) -> Any:
    if job.attempts == 1:
        pidfile = os.environ.get("SLOW_REPORT_PIDFILE")
        if pidfile:
            Path(pidfile).write_text(str(os.getpid()))
        for _second in range(int(os.environ.get("SLOW_REPORT_SECONDS", "60"))):
            progress(30)
            time.sleep(1)
    return _build(job, progress)


builders.build = slow_build
