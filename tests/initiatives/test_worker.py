"""The notification task runs on a real Celery worker through the real Redis broker."""

from __future__ import annotations

import time
from typing import Any

import pytest

from accounts.models import Role
from initiatives import services
from initiatives.models import Transition

from .factories import make_initiative

pytestmark = [pytest.mark.worker, pytest.mark.redis, pytest.mark.postgres]


def test_publishing_queues_the_email_task_after_commit_and_a_worker_sends_it(
    celery_worker_process: str, make_user: Any, make_organisation: Any
) -> None:
    org = make_organisation("Worker Coalition")
    member = make_user(Role.CIVIL_SOCIETY_MEMBER, organisation=org)
    moderator = make_user(Role.UN_MODERATOR)
    initiative = make_initiative(member, org, "submitted")
    services.publish_initiative(actor=moderator, initiative=initiative)
    transition = Transition.objects.filter(initiative=initiative, to_state="published").get()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        transition.refresh_from_db()
        if transition.notified_at is not None:
            break
        time.sleep(0.5)
    assert transition.notified_at is not None
