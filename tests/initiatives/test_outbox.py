"""The moderation e-mails' outbox: a transition waits until its e-mail is sent, whatever fails."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core import mail
from django.utils import timezone
from kombu.exceptions import OperationalError

from initiatives import services, tasks
from initiatives.models import Transition

from .factories import make_initiative


def _age(transition: Transition, minutes: int = 5) -> None:
    Transition.objects.filter(pk=transition.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_a_broker_outage_delays_the_email_and_the_sweep_sends_it(
    member: Any, org: Any, moderator: Any, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    def broker_down(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.notify_transition, "delay", broker_down)
    draft = make_initiative(member, org)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_initiative(actor=member, initiative=draft)  # no error for the submitter
    transition = Transition.objects.get(initiative=draft, to_state="submitted")
    assert transition.notified_at is None
    assert mail.outbox == []

    assert services.deliver_pending_notifications() == 0  # too fresh: its task may still run
    _age(transition)
    assert services.deliver_pending_notifications() == 1
    assert moderator.email in mail.outbox[0].to
    transition.refresh_from_db()
    assert transition.notified_at is not None
    assert services.deliver_pending_notifications() == 0  # sent once


def test_the_sweep_leaves_settled_and_very_old_transitions_alone(
    member: Any, org: Any, moderator: Any
) -> None:
    draft = make_initiative(member, org)
    quiet = services.content._log(draft, actor=member, to_state="draft", notify=False)
    assert quiet.notified_at is not None
    old = Transition.objects.create(initiative=draft, to_state="submitted", actor=member)
    _age(old, minutes=60 * 24 * 30)
    assert services.deliver_pending_notifications() == 0
    assert mail.outbox == []
