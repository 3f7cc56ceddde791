"""Core Celery tasks."""

from celery import shared_task


@shared_task(name="core.health")
def health_task(echo: str = "ping") -> dict[str, str]:
    """Answer with the value it was given: proves a worker consumes from the broker."""
    return {"status": "ok", "echo": echo}
