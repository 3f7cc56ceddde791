"""Calls for initiatives, registration, and membership of organisations."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, Role, User
from accounts.permissions import can_act_for_organisation, membership_decision_refusal
from accounts.services import (
    approve_organisation,
    grant_role,
    propose_organisation,
    queue_registration_email,
)
from core.errors import ConflictError, DomainError, ForbiddenError, full_clean_or_raise
from objectives.models import Objective

from .. import permissions
from ..models import (
    CallForInitiatives,
    MembershipRequest,
)

# --- calls ------------------------------------------------------------------------------------


@transaction.atomic
def save_call(
    *,
    actor: User,
    call: CallForInitiatives | None = None,
    title: str,
    description: str = "",
    focus_objectives: Iterable[Objective] = (),
    opens_on: dt.date,
    deadline: dt.date,
) -> CallForInitiatives:
    """Open (or change) a themed call for initiatives; moderators only."""
    if not permissions.is_moderator(actor):
        raise ForbiddenError(_("Only moderators open calls."))
    if call is None:
        call = CallForInitiatives(created_by=actor)
    else:
        call = CallForInitiatives.objects.select_for_update().get(pk=call.pk)
    call.title = title.strip()
    call.description = description.strip()
    call.opens_on = opens_on
    call.deadline = deadline
    if deadline < opens_on:
        raise DomainError(_("The deadline cannot be before the opening date."), field="deadline")
    call._history_user = actor  # type: ignore[attr-defined]
    full_clean_or_raise(call, exclude=["created_by"])
    call.save()
    call.focus_objectives.set(list(focus_objectives))
    return call


# --- organisations and members ----------------------------------------------------------------


@transaction.atomic
def request_membership(
    *,
    actor: User,
    organisation: Organisation | None = None,
    new_organisation: Mapping[str, Any] | None = None,
    note: str = "",
) -> MembershipRequest:
    """Ask to act for an existing organisation, or propose a new one (pending approval)."""
    if (organisation is None) == (new_organisation is None):
        raise DomainError(
            _("Choose your organisation, or propose a new one (not both)."), field="organisation"
        )
    if new_organisation is not None:
        organisation = propose_organisation(actor=actor, **new_organisation)
    if organisation is None:  # unreachable: one of the two was given
        raise DomainError(_("Choose your organisation."), field="organisation")
    if organisation.status == Organisation.Status.REJECTED:
        raise DomainError(_("This organisation cannot be joined."), field="organisation")
    if can_act_for_organisation(actor, organisation.pk) and not actor.is_superuser:
        raise DomainError(_("You already act for this organisation."), field="organisation")
    existing = MembershipRequest.objects.filter(
        user=actor, organisation=organisation, status=MembershipRequest.Status.PENDING
    ).first()
    if existing is not None:
        return existing
    req = MembershipRequest(user=actor, organisation=organisation, note=note.strip()[:500])
    full_clean_or_raise(req, validate_constraints=False)
    req._history_user = actor  # type: ignore[attr-defined]
    req.save()
    return req


@transaction.atomic
def decide_membership(
    *, actor: User, request: MembershipRequest, approve: bool
) -> MembershipRequest:
    """A moderator approves (granting the civil-society member role) or rejects a request.

    Approving a request for a pending organisation approves the organisation too. Nobody
    decides their own request, and a moderator limited to review regions decides only for
    organisations of their regions (``accounts.permissions.membership_decision_refusal``).
    """
    if not permissions.is_moderator(actor):
        raise ForbiddenError(_("Only moderators approve members."))
    req = (
        MembershipRequest.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=request.pk)
    )
    refusal = membership_decision_refusal(
        actor, applicant_id=req.user_id, organisation=req.organisation
    )
    if refusal:
        raise ForbiddenError(refusal)
    if req.status != MembershipRequest.Status.PENDING:
        raise ConflictError(_("This request was already decided."), code="invalid_state")
    req.status = MembershipRequest.Status.APPROVED if approve else MembershipRequest.Status.REJECTED
    req.decided_by = actor
    req.decided_at = timezone.now()
    req._history_user = actor  # type: ignore[attr-defined]
    req.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    if approve:
        if req.organisation.status == Organisation.Status.PENDING:
            approve_organisation(actor=actor, organisation=req.organisation)
        grant_role(
            actor=actor,
            user=req.user,
            role=Role.CIVIL_SOCIETY_MEMBER,
            organisation_id=req.organisation_id,
        )
    elif req.organisation.status == Organisation.Status.PENDING and not (
        MembershipRequest.objects.filter(
            organisation=req.organisation, status=MembershipRequest.Status.PENDING
        ).exists()
    ):
        org = Organisation.objects.select_for_update().get(pk=req.organisation_id)
        org.status = Organisation.Status.REJECTED
        org._history_user = actor  # type: ignore[attr-defined]
        org.save(update_fields=["status", "updated_at"])
    return req


@transaction.atomic
def register_user(*, email: str, full_name: str, password: str) -> User | None:
    """Create a login for a civil-society member (no role until a moderator approves).

    Reveals nothing about which addresses have accounts: when ``email`` (in any case) already
    has one, nothing is created, its owner is e-mailed that someone tried to register with it,
    and None is returned; the caller answers exactly as for a new account, which gets a
    welcome e-mail.
    """
    from django.contrib.auth.password_validation import validate_password

    email = User.objects.normalize_email(email).lower()
    try:
        # Checked first, so a weak password is refused the same way for every address.
        validate_password(password, user=User(email=email, full_name=full_name))
    except ValidationError as exc:
        raise DomainError(errors={"password": exc.messages}) from exc
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        queue_registration_email(user=existing, existing=True)
        return None
    user = User.objects.create_user(email, password, full_name=full_name.strip())
    queue_registration_email(user=user, existing=False)
    return user


@transaction.atomic
def register_and_request_membership(
    *,
    email: str,
    full_name: str,
    password: str,
    organisation: Organisation | None = None,
    new_organisation: Mapping[str, Any] | None = None,
    note: str = "",
) -> MembershipRequest | None:
    """A visitor registers and asks to act for an organisation, in one step.

    When the address already has an account, the request is checked exactly as for a new one
    (for a stand-in applicant, then rolled back), so the outcome, error or success, never tells
    whether the address is known; the owner is e-mailed instead and None is returned.
    """
    user = register_user(email=email, full_name=full_name, password=password)
    if user is not None:
        return request_membership(
            actor=user, organisation=organisation, new_organisation=new_organisation, note=note
        )
    savepoint = transaction.savepoint()
    try:
        stand_in = User.objects.create_user(
            f"stand-in-{secrets.token_hex(16)}@invalid.invalid", None, is_active=False
        )
        request_membership(
            actor=stand_in, organisation=organisation, new_organisation=new_organisation, note=note
        )
    finally:
        transaction.savepoint_rollback(savepoint)
    return None
