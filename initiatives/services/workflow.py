"""The life of an initiative: drafts, revisions, evidence, submission, moderation, e-mails."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, Role, User
from accounts.permissions import can_act_for_organisation
from core.errors import ConflictError, DomainError, ForbiddenError, full_clean_or_raise
from core.uploads import validate_upload

from .. import aggregates, permissions
from ..models import (
    CallForInitiatives,
    Evidence,
    Initiative,
    InitiativeObjective,
    InitiativeOutput,
    InitiativePartner,
    ModerationState,
    Source,
    Transition,
)
from .content import (
    _COPY_SCALARS,
    M2M_FIELDS,
    _apply,
    _locked,
    _log,
    _submission_errors,
    refresh_search_vector,
)


@transaction.atomic
def create_initiative(
    *,
    actor: User,
    organisation: Organisation,
    data: Mapping[str, Any],
    source: str = Source.WEB_FORM,
) -> Initiative:
    """Start a draft for ``organisation``; only its members (and administrators) may."""
    if not can_act_for_organisation(actor, organisation.pk):
        raise ForbiddenError(
            _("You can only log initiatives for your own organisation."),
            field="organisation",
        )
    if organisation.status != Organisation.Status.APPROVED:
        raise DomainError(
            _("Your organisation is awaiting approval; you can log initiatives once approved."),
            field="organisation",
        )
    initiative = Initiative(organisation=organisation, created_by=actor, source=source)
    if not str(data.get("title") or "").strip():
        raise DomainError(_("Give the initiative a title."), field="title")
    if data.get("call") is not None:
        _check_call_open(data["call"])
    initiative._history_user = actor  # type: ignore[attr-defined]
    _apply(initiative, data)
    _log(initiative, actor=actor, to_state=ModerationState.DRAFT, notify=False)
    return initiative


def _copy_content(src: Initiative, dst: Initiative) -> None:
    """Copy every field the owner edits, and the children, from ``src`` to ``dst``."""
    for field in _COPY_SCALARS:
        setattr(dst, field, getattr(src, field))
    dst.save()
    for field in [*M2M_FIELDS, "coverage_regions", "coverage_review_regions"]:
        getattr(dst, field).set(list(getattr(src, field).all()))
    dst.links.all().delete()
    InitiativeObjective.objects.bulk_create(
        InitiativeObjective(
            initiative=dst,
            objective_id=link.objective_id,
            is_primary=link.is_primary,
            action_letters=link.action_letters,
        )
        for link in src.links.all()
    )
    dst.partners.all().delete()
    InitiativePartner.objects.bulk_create(
        InitiativePartner(initiative=dst, name=p.name, role=p.role, is_state=p.is_state)
        for p in src.partners.all()
    )
    dst.outputs.all().delete()
    InitiativeOutput.objects.bulk_create(
        InitiativeOutput(initiative=dst, kind=o.kind, title=o.title, date=o.date, url=o.url)
        for o in src.outputs.all()
    )
    dst.evidence.all().delete()
    Evidence.objects.bulk_create(
        Evidence(initiative=dst, title=e.title, url=e.url, file=e.file.name)
        for e in src.evidence.all()
    )
    refresh_search_vector(dst)


@transaction.atomic
def start_revision(*, actor: User, initiative: Initiative) -> Initiative:
    """The pending revision of a published initiative (created on first edit)."""
    original = _locked(initiative)
    if not permissions.belongs_to_user(actor, original):
        raise ForbiddenError(_("You can only edit your organisation's initiatives."))
    if original.state != ModerationState.PUBLISHED or original.revision_of_id is not None:
        raise ConflictError(
            _("Only a published initiative is revised; edit this one directly."),
            code="invalid_state",
        )
    existing = Initiative.objects.filter(revision_of=original).first()
    if existing is not None:
        return existing
    revision = Initiative(
        organisation=original.organisation,
        created_by=actor,
        revision_of=original,
        source=original.source,
        state=ModerationState.DRAFT,
    )
    revision._history_user = actor  # type: ignore[attr-defined]
    _copy_content(original, revision)
    _log(revision, actor=actor, to_state=ModerationState.DRAFT, is_revision=True, notify=False)
    return revision


@transaction.atomic
def update_initiative(
    *, actor: User, initiative: Initiative, data: Mapping[str, Any]
) -> Initiative:
    """Change a draft or returned initiative; a published one gets a pending revision.

    Returns what was changed: the initiative itself or its revision.
    """
    target = _locked(initiative)
    if not permissions.belongs_to_user(actor, target):
        raise ForbiddenError(_("You can only edit your organisation's initiatives."))
    if target.state == ModerationState.PUBLISHED and target.revision_of_id is None:
        target = start_revision(actor=actor, initiative=target)
        target = _locked(target)
    if target.state not in permissions.EDITABLE_STATES:
        raise ConflictError(
            _("This initiative is %(state)s and cannot be edited now.")
            % {"state": target.get_state_display().lower()},
            code="invalid_state",
        )
    if "title" in data and not str(data.get("title") or "").strip():
        raise DomainError(_("Give the initiative a title."), field="title")
    if "call" in data and data["call"] is not None and data["call"].pk != target.call_id:
        _check_call_open(data["call"])
    target._history_user = actor  # type: ignore[attr-defined]
    _apply(target, data)
    return target


def _check_call_open(call: CallForInitiatives) -> None:
    """An initiative answers only a call that is open today: on create and on update."""
    today = timezone.localdate()
    if not (call.opens_on <= today <= call.deadline):
        raise DomainError(_("This call is not open."), field="call")


@transaction.atomic
def add_evidence_file(
    *, actor: User, initiative: Initiative, title: str, upload: UploadedFile
) -> Evidence:
    """Attach a file after checking its type and size."""
    target = _locked(initiative)
    if not permissions.can_edit_initiative(actor, target) or target.state not in (
        permissions.EDITABLE_STATES
    ):
        raise ForbiddenError(_("You cannot add files to this initiative now."))
    try:
        validate_upload(upload)
    except ValidationError as exc:
        raise DomainError(errors={"file": exc.messages}) from exc
    title = title.strip() or (upload.name or "")[:255]
    evidence = Evidence(initiative=target, title=title)
    evidence.file.save(upload.name or "evidence", upload, save=False)
    full_clean_or_raise(evidence, exclude=["initiative"])
    evidence.save()
    return evidence


@transaction.atomic
def remove_evidence(*, actor: User, evidence: Evidence) -> None:
    target = _locked(evidence.initiative)
    if not permissions.can_edit_initiative(actor, target) or target.state not in (
        permissions.EDITABLE_STATES
    ):
        raise ForbiddenError(_("You cannot change this initiative now."))
    evidence.delete()


@transaction.atomic
def submit_initiative(*, actor: User, initiative: Initiative) -> Initiative:
    """Send a complete draft (or a revision, or a returned initiative) to the moderators."""
    target = _locked(initiative)
    if not permissions.belongs_to_user(actor, target):
        raise ForbiddenError(_("You can only submit your organisation's initiatives."))
    if target.state not in permissions.EDITABLE_STATES:
        raise ConflictError(
            _("Only a draft or an initiative returned for changes can be submitted."),
            code="invalid_state",
        )
    errors = _submission_errors(target)
    if errors:
        raise DomainError(errors=errors, code="incomplete")
    previous = target.state
    target.state = ModerationState.SUBMITTED
    target._history_user = actor  # type: ignore[attr-defined]
    target.save(update_fields=["state", "updated_at"])
    _log(
        target,
        actor=actor,
        from_state=previous,
        to_state=ModerationState.SUBMITTED,
        is_revision=target.revision_of_id is not None,
    )
    return target


def _moderated(actor: User, initiative: Initiative) -> Initiative:
    target = _locked(initiative)
    if not permissions.can_moderate_initiative(actor, target):
        raise ForbiddenError(_("You cannot moderate this initiative."))
    if target.state != ModerationState.SUBMITTED:
        raise ConflictError(
            _("Only a submitted initiative can be moderated; this one is %(state)s.")
            % {"state": target.get_state_display().lower()},
            code="invalid_state",
        )
    return target


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give a reason; the submitter will see it."), field="reason")
    if len(reason) > 5000:
        raise DomainError(_("Keep the reason under 5,000 characters."), field="reason")
    return reason


@transaction.atomic
def publish_initiative(*, actor: User, initiative: Initiative, note: str = "") -> Initiative:
    """Publish a submitted initiative; a revision replaces its published original."""
    target = _moderated(actor, initiative)
    now = timezone.now()
    if target.revision_of_id is not None:
        original = _locked(target.revision_of)  # type: ignore[arg-type]
        original._history_user = actor  # type: ignore[attr-defined]
        _copy_content(target, original)
        original.updated_at = now
        original.save(update_fields=["updated_at"])
        Transition.objects.filter(initiative=target).update(initiative=original)
        _log(
            original,
            actor=actor,
            from_state=ModerationState.SUBMITTED,
            to_state=ModerationState.PUBLISHED,
            reason=note.strip(),
            is_revision=True,
        )
        target.delete()
        aggregates.public_changed_on_commit()
        return original
    previous = target.state
    target.state = ModerationState.PUBLISHED
    target.published_at = target.published_at or now
    target._history_user = actor  # type: ignore[attr-defined]
    target.save(update_fields=["state", "published_at", "updated_at"])
    _log(target, actor=actor, from_state=previous, to_state=ModerationState.PUBLISHED, reason=note)
    aggregates.public_changed_on_commit()
    return target


@transaction.atomic
def request_changes(*, actor: User, initiative: Initiative, reason: str) -> Initiative:
    """Return a submitted initiative to its owner with a reason they will see."""
    reason = _reason(reason)
    target = _moderated(actor, initiative)
    target.state = ModerationState.CHANGES_REQUESTED
    target._history_user = actor  # type: ignore[attr-defined]
    target.save(update_fields=["state", "updated_at"])
    _log(
        target,
        actor=actor,
        from_state=ModerationState.SUBMITTED,
        to_state=ModerationState.CHANGES_REQUESTED,
        reason=reason,
        is_revision=target.revision_of_id is not None,
    )
    return target


@transaction.atomic
def reject_initiative(*, actor: User, initiative: Initiative, reason: str) -> Initiative:
    """Reject a submitted initiative (or revision) with a reason; a published original stays."""
    reason = _reason(reason)
    target = _moderated(actor, initiative)
    target.state = ModerationState.REJECTED
    target._history_user = actor  # type: ignore[attr-defined]
    target.save(update_fields=["state", "updated_at"])
    transition = _log(
        target,
        actor=actor,
        from_state=ModerationState.SUBMITTED,
        to_state=ModerationState.REJECTED,
        reason=reason,
        is_revision=target.revision_of_id is not None,
    )
    if target.revision_of_id is not None:
        # The published original stays as it was; the log moves to it, the revision goes.
        original = target.revision_of
        Transition.objects.filter(initiative=transition.initiative).update(initiative=original)
        target.delete()
        return original  # type: ignore[return-value]
    return target


@transaction.atomic
def discard_draft(*, actor: User, initiative: Initiative) -> None:
    """Delete a draft that was never submitted (or a revision the owner gives up)."""
    target = _locked(initiative)
    if not permissions.belongs_to_user(actor, target):
        raise ForbiddenError(_("You cannot delete this initiative."))
    never_reviewed = (
        target.state == ModerationState.DRAFT
        and not target.transitions.filter(to_state=ModerationState.SUBMITTED).exists()
    )
    if not (
        never_reviewed or (target.revision_of_id and target.state in permissions.EDITABLE_STATES)
    ):
        raise ConflictError(
            _("Only a draft that was never submitted can be deleted."), code="invalid_state"
        )
    target.delete()


# --- notifications ----------------------------------------------------------------------------


def send_transition_email(*, transition_id: int) -> int:
    """E-mail the people a transition concerns; idempotent (sends once). Returns mails sent."""
    from django.conf import settings
    from django.core.mail import send_mass_mail
    from django.template.loader import render_to_string

    with transaction.atomic():
        transition = (
            Transition.objects.select_for_update(of=("self",))
            .select_related("initiative", "initiative__organisation")
            .filter(pk=transition_id)
            .first()
        )
        if transition is None or transition.notified_at is not None:
            return 0
        initiative = transition.initiative
        if transition.to_state == ModerationState.SUBMITTED:
            recipients = set(
                User.objects.filter(
                    is_active=True, memberships__role=Role.UN_MODERATOR
                ).values_list("email", flat=True)
            )
        else:
            recipients = set(
                User.objects.filter(
                    is_active=True,
                    memberships__role=Role.CIVIL_SOCIETY_MEMBER,
                    memberships__organisation_id=initiative.organisation_id,
                ).values_list("email", flat=True)
            )
        context = {"transition": transition, "initiative": initiative}
        subject = render_to_string("initiatives/email/transition_subject.txt", context).strip()
        body = render_to_string("initiatives/email/transition.txt", context)
        messages = [
            (subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in sorted(recipients)
        ]
        sent = send_mass_mail(messages, fail_silently=False) if messages else 0
        transition.notified_at = timezone.now()
        transition.save(update_fields=["notified_at"])
    return sent


def deliver_pending_notifications(
    *, older_than: timedelta = timedelta(minutes=1), max_age: timedelta = timedelta(days=7)
) -> int:
    """Send the e-mails of transitions still waiting (broker was down, worker lost the task).

    Run every minute by Celery beat. Each send is idempotent under a row lock, so a task that
    arrives late as well does no harm. Transitions older than ``max_age`` are left alone.
    Returns the number of e-mails sent.
    """
    now = timezone.now()
    pending = (
        Transition.objects.filter(
            notified_at__isnull=True,
            created_at__lt=now - older_than,
            created_at__gte=now - max_age,
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:500]
    )
    return sum(send_transition_email(transition_id=pk) for pk in list(pending))
