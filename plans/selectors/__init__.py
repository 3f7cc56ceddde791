"""Reads of plans: scoped querysets, progress in SQL, the dashboard and the pages' reads.

``plan`` holds the reads every client uses (pages, API, reports); ``pages`` the reads only the
plan pages make (the step page, the assessment form, monitoring history, revisions). Callers
import this package, never a module inside it.
"""

from __future__ import annotations

# Re-exported whole, so a read added to ``plan.py`` is public without editing a list here.
from .pages import *  # noqa: F403
from .plan import *  # noqa: F403
