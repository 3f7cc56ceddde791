"""Writes for accounts: API tokens, memberships, organisations, registration e-mails."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError, ForbiddenError, NotFoundError, full_clean_or_raise
from countries.models import Country
from objectives.models import OrganisationType

from .models import ApiToken, Organisation, RoleMembership, User
from .permissions import forget_roles

logger = logging.getLogger(__name__)

MAX_ACTIVE_TOKENS = 10


@transaction.atomic
def create_api_token(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``actor``; returns the token and its key (shown once, never stored)."""
    name = name.strip()
    if not name:
        raise DomainError(_("Give the token a name."), field="name")
    User.objects.select_for_update().get(pk=actor.pk)
    active = ApiToken.objects.filter(user=actor, revoked_at__isnull=True).count()
    if active >= MAX_ACTIVE_TOKENS:
        raise DomainError(
            _("You already have %(n)d active tokens; revoke one first.") % {"n": active},
            field="name",
        )
    key = ApiToken.generate_key()
    token = ApiToken(
        user=actor, name=name, prefix=key[: ApiToken.PREFIX_LENGTH], digest=ApiToken.digest_for(key)
    )
    full_clean_or_raise(token)
    token.save()
    return token, key


@transaction.atomic
def revoke_api_token(*, actor: User, token_id: int) -> ApiToken:
    """Revoke one of the actor's own tokens; another user's token is reported as not found."""
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=actor).first()
    if token is None:
        raise NotFoundError(_("No such token."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token


@transaction.atomic
def grant_role(
    *,
    actor: User | None,
    user: User,
    role: str,
    country_id: int | None = None,
    organisation_id: int | None = None,
    review_region_id: int | None = None,
) -> RoleMembership:
    """Give ``user`` a role within a scope (idempotent). Nobody grants a role to themselves;
    ``actor=None`` is the system (fixtures, demo data, tests)."""
    if actor is not None and actor.pk == user.pk:
        raise ForbiddenError(_("You cannot grant a role to yourself; another person must."))
    scope: dict[str, Any] = {
        "country_id": country_id,
        "organisation_id": organisation_id,
        "review_region_id": review_region_id,
    }
    membership = RoleMembership.objects.filter(user=user, role=role, **scope).first()
    if membership is None:
        membership = RoleMembership(user=user, role=role, **scope)
        full_clean_or_raise(membership, validate_unique=False)
        if actor is not None:
            membership._history_user = actor  # type: ignore[attr-defined]
        membership.save()
    forget_roles(user)
    return membership


@transaction.atomic
def propose_organisation(
    *,
    actor: User,
    name: str,
    type: OrganisationType,
    country: Country | None = None,
    acronym: str = "",
    website: str = "",
    description: str = "",
) -> Organisation:
    """Record a new organisation, pending until a moderator approves it.

    Organisations proposed by people joining and those named in an import start here; none is
    approved by the act of naming it.
    """
    org = Organisation(
        name=(name or "").strip(),
        acronym=(acronym or "").strip(),
        type=type,
        country=country,
        website=(website or "").strip(),
        description=(description or "").strip(),
        status=Organisation.Status.PENDING,
    )
    full_clean_or_raise(org)
    org._history_user = actor  # type: ignore[attr-defined]
    org.save()
    return org


def approve_organisation(*, actor: User, organisation: Organisation) -> Organisation:
    """Mark a pending organisation as approved."""
    with transaction.atomic():
        org = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if org.status != Organisation.Status.APPROVED:
            org.status = Organisation.Status.APPROVED
            org._history_user = actor  # type: ignore[attr-defined]
            org.save(update_fields=["status", "updated_at"])
    return org


def _send_account_email(*, email: str, template: str, context: dict[str, Any]) -> None:
    """Send one account e-mail; a mail-server failure is logged, never shown to the visitor.

    Showing it would tell the visitor which branch of registration ran (new or existing).
    """
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/email/{template}.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email], fail_silently=False)
    except Exception:
        logger.exception("Account e-mail %r to user could not be sent", template)


def queue_registration_email(*, user: User, existing: bool) -> None:
    """After commit, e-mail ``user``: welcome (new account) or "someone tried" (existing one)."""
    template = "registration_exists" if existing else "registration_welcome"
    email = user.email
    context = {"user": user}
    transaction.on_commit(
        lambda: _send_account_email(email=email, template=template, context=context)
    )
