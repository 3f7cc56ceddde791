"""Celery tasks for initiatives: thin, take ids, call one service."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def notify_transition(transition_id: int) -> int:
    """E-mail the people a moderation step concerns (sends once, even if redelivered)."""
    return services.send_transition_email(transition_id=transition_id)


@shared_task(acks_late=True)
def deliver_pending_notifications() -> int:
    """The outbox sweep (every minute): e-mails whose task never ran are sent now."""
    return services.deliver_pending_notifications()
