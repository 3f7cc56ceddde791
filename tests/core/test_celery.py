"""Celery: configuration, and a real worker consuming from the real Redis broker."""

import pytest

from core.tasks import health_task
from gcm_tracker.celery import app


def test_celery_is_configured_for_safe_delivery():
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.accept_content == ["json"]
    assert conf.task_serializer == "json"
    assert conf.task_time_limit
    assert conf.task_soft_time_limit < conf.task_time_limit


def test_health_task_runs_eagerly_without_a_broker():
    assert health_task.delay("hello").get(timeout=5) == {"status": "ok", "echo": "hello"}


@pytest.mark.redis
@pytest.mark.worker
def test_a_real_worker_consumes_the_health_task_from_redis(celery_worker_process):
    result = health_task.apply_async(args=["from-the-broker"], queue=celery_worker_process)
    assert result.get(timeout=30) == {"status": "ok", "echo": "from-the-broker"}
    assert app.conf.broker_url.startswith("redis://")
