"""Writes for initiatives: drafts, submission, moderation, revisions, calls, membership requests.

Web forms, the API and the importer call these functions; none of them writes elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, Role, User
from accounts.permissions import can_act_for_organisation
from accounts.services import approve_organisation, grant_role
from core.errors import DomainError, full_clean_or_raise
from core.uploads import validate_upload
from objectives.models import Objective, ObjectiveAction

from . import permissions
from .models import (
    CATEGORY_FIELDS,
    CallForInitiatives,
    DatePrecision,
    Evidence,
    Initiative,
    InitiativeObjective,
    InitiativeOutput,
    InitiativePartner,
    MembershipRequest,
    ModerationState,
    Source,
    Transition,
)

SCALAR_FIELDS = [
    "title",
    "summary",
    "description",
    "expected_outcomes",
    "is_thematic",
    "is_national_regional",
    "is_constituent_based",
    "activity_status",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "timeline",
    "geo_level",
    "host_country",
    "regions_text",
    "covers_whole_gcm",
    "engages_states",
    "names_gcm",
    "crisis_response",
    "crisis_details",
    "other_stakeholders",
    "funding_status",
    "funders",
    "call",
    "contact_name",
    "contact_email",
    "contact_affiliation",
    "reporting_year",
]
M2M_FIELDS = ["activity_types", "countries", "regions", "principles", "constituencies"]
CHILD_FIELDS = ["objectives", "partners", "outputs", "evidence_links"]
ALL_FIELDS = {*SCALAR_FIELDS, *M2M_FIELDS, *CHILD_FIELDS, "categories"}
_NULLABLE = {"start_date", "end_date", "host_country", "call", "reporting_year"}
# Content copied between a published initiative and its pending revision.
_COPY_SCALARS = [*SCALAR_FIELDS, "objectives_raw", "source_reference"]


@dataclass(frozen=True)
class ObjectiveChoice:
    """One objective an initiative serves, as given by a form, the API or the importer."""

    objective: Objective
    is_primary: bool = False
    action_letters: Sequence[str] = ()


# --- validation -------------------------------------------------------------------------------


def _check_dates(initiative: Initiative) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for prefix in ("start", "end"):
        date = getattr(initiative, f"{prefix}_date")
        precision = getattr(initiative, f"{prefix}_precision")
        if date is None and precision != DatePrecision.TBC:
            errors.setdefault(f"{prefix}_date", []).append(
                _("Give the date, or choose “to be confirmed”.")
            )
    if (
        initiative.start_date
        and initiative.end_date
        and initiative.end_date < initiative.start_date
    ):
        errors.setdefault("end_date", []).append(_("The end cannot be before the start."))
    return errors


def _clean_objectives(choices: Sequence[ObjectiveChoice]) -> list[ObjectiveChoice]:
    seen: set[int] = set()
    for choice in choices:
        if choice.objective.pk in seen:
            raise DomainError(
                _("Objective %(n)d is listed twice.") % {"n": choice.objective.number},
                field="objectives",
            )
        seen.add(choice.objective.pk)
    primaries = [c for c in choices if c.is_primary]
    if len(primaries) > 1:
        raise DomainError(_("Choose only one primary objective."), field="primary_objective")
    if choices and not primaries:
        if len(choices) == 1:
            choices = [ObjectiveChoice(choices[0].objective, True, choices[0].action_letters)]
        else:
            raise DomainError(
                _("Choose which of the objectives is the primary one."), field="primary_objective"
            )
    wanted = {
        (c.objective.pk, letter.strip().lower()) for c in choices for letter in c.action_letters
    }
    if wanted:
        known = set(
            ObjectiveAction.objects.filter(
                objective_id__in={pk for pk, _letter in wanted}
            ).values_list("objective_id", "letter")
        )
        unknown = sorted(
            f"{c.objective.number}({letter})"
            for c in choices
            for letter in c.action_letters
            if (c.objective.pk, letter.strip().lower()) not in known
        )
        if unknown:
            raise DomainError(
                _("These GCM actions do not exist: %(list)s.") % {"list": ", ".join(unknown)},
                field="action_letters",
            )
    return list(choices)


def _submission_errors(initiative: Initiative) -> dict[str, list[str]]:
    """What a complete initiative needs before a moderator can review it."""
    errors: dict[str, list[str]] = {}

    def need(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not initiative.summary.strip():
        need("summary", _("Write a short summary."))
    if not (
        initiative.is_thematic or initiative.is_national_regional or initiative.is_constituent_based
    ):
        need("categories", _("Choose at least one category."))
    if not initiative.geo_level:
        need("geo_level", _("Choose the geographic level."))
    if not initiative.links.exists():
        need("objectives", _("Choose at least one GCM objective."))
    if not initiative.contact_email:
        need("contact_email", _("Give a focal point e-mail (it is never published)."))
    errors.update(_check_dates(initiative))
    return errors


# --- writing content --------------------------------------------------------------------------


def _apply(initiative: Initiative, data: Mapping[str, Any]) -> None:
    """Set the fields in ``data`` on ``initiative`` (saved), validating first."""
    unknown = set(data) - ALL_FIELDS
    if unknown:
        raise DomainError(_("Unknown fields: %(list)s.") % {"list": ", ".join(sorted(unknown))})
    for field in SCALAR_FIELDS:
        if field in data:
            value = data[field]
            if isinstance(value, str):
                value = value.strip()
            if value is None and field not in _NULLABLE:
                value = ""
            setattr(initiative, field, value)
    if "categories" in data:
        codes = set(data["categories"] or [])
        for code, attr in CATEGORY_FIELDS.items():
            setattr(initiative, attr, code in codes)
    choices = _clean_objectives(list(data["objectives"])) if "objectives" in data else None
    errors = _check_dates(initiative)
    if errors:
        raise DomainError(errors=errors)
    full_clean_or_raise(
        initiative, exclude=["organisation", "created_by", "revision_of", "search_vector"]
    )
    initiative.save()
    for field in M2M_FIELDS:
        if field in data:
            getattr(initiative, field).set(list(data[field] or []))
    if choices is not None:
        initiative.links.all().delete()
        InitiativeObjective.objects.bulk_create(
            InitiativeObjective(
                initiative=initiative,
                objective=c.objective,
                is_primary=c.is_primary,
                action_letters=",".join(sorted({x.strip().lower() for x in c.action_letters})),
            )
            for c in choices
        )
    if "partners" in data:
        rows = [InitiativePartner(initiative=initiative, **row) for row in data["partners"] or []]
        for row in rows:
            full_clean_or_raise(row, exclude=["initiative"])
        initiative.partners.all().delete()
        InitiativePartner.objects.bulk_create(rows)
    if "outputs" in data:
        outputs = [InitiativeOutput(initiative=initiative, **row) for row in data["outputs"] or []]
        for output in outputs:
            full_clean_or_raise(output, exclude=["initiative"])
        initiative.outputs.all().delete()
        InitiativeOutput.objects.bulk_create(outputs)
    if "evidence_links" in data:
        links = [Evidence(initiative=initiative, **row) for row in data["evidence_links"] or []]
        for link in links:
            if not link.url:
                raise DomainError(_("Give the link."), field="evidence_links")
            full_clean_or_raise(link, exclude=["initiative"])
        initiative.evidence.filter(file="").delete()
        Evidence.objects.bulk_create(links)
    if {"countries", "regions"} & set(data):
        refresh_coverage(initiative)
    refresh_search_vector(initiative)


def refresh_coverage(initiative: Initiative) -> None:
    """Derive the M49 and review regions covered from the countries and regions entered."""
    countries = list(initiative.countries.prefetch_related("review_regions"))
    region_ids = {c.m49_region_id for c in countries} | set(
        initiative.regions.values_list("pk", flat=True)
    )
    review_ids = {r.pk for c in countries for r in c.review_regions.all()}
    initiative.coverage_regions.set(region_ids)
    initiative.coverage_review_regions.set(review_ids)


def refresh_search_vector(initiative: Initiative) -> None:
    """Keep the full-text search vector in step (PostgreSQL only; SQLite searches by match)."""
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector(
            "description", "expected_outcomes", "regions_text", weight="C", config="english"
        )
    )
    Initiative.objects.filter(pk=initiative.pk).update(search_vector=vector)


def _locked(initiative: Initiative) -> Initiative:
    return Initiative.objects.select_for_update().get(pk=initiative.pk)


def _log(
    initiative: Initiative,
    *,
    actor: User | None,
    to_state: str,
    from_state: str = "",
    reason: str = "",
    is_revision: bool = False,
    notify: bool = True,
) -> Transition:
    transition = Transition.objects.create(
        initiative=initiative,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        reason=reason,
        is_revision=is_revision,
    )
    if notify:
        from .tasks import notify_transition

        transition_id = transition.pk
        transaction.on_commit(lambda: notify_transition.delay(transition_id))
    return transition


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
        raise DomainError(
            _("You can only log initiatives for your own organisation."),
            field="organisation",
            code="permission_denied",
        )
    if organisation.status != Organisation.Status.APPROVED:
        raise DomainError(
            _("Your organisation is awaiting approval; you can log initiatives once approved."),
            field="organisation",
        )
    initiative = Initiative(organisation=organisation, created_by=actor, source=source)
    if not str(data.get("title") or "").strip():
        raise DomainError(_("Give the initiative a title."), field="title")
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
        raise DomainError(
            _("You can only edit your organisation's initiatives."), code="permission_denied"
        )
    if target.state == ModerationState.PUBLISHED and target.revision_of_id is None:
        target = start_revision(actor=actor, initiative=target)
        target = _locked(target)
    if target.state not in permissions.EDITABLE_STATES:
        raise DomainError(
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
        raise DomainError(
            _("You cannot add files to this initiative now."), code="permission_denied"
        )
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
        raise DomainError(_("You cannot change this initiative now."), code="permission_denied")
    evidence.delete()


@transaction.atomic
def submit_initiative(*, actor: User, initiative: Initiative) -> Initiative:
    """Send a complete draft (or a revision, or a returned initiative) to the moderators."""
    target = _locked(initiative)
    if not permissions.belongs_to_user(actor, target):
        raise DomainError(
            _("You can only submit your organisation's initiatives."), code="permission_denied"
        )
    if target.state not in permissions.EDITABLE_STATES:
        raise DomainError(
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
        raise DomainError(_("You cannot moderate this initiative."), code="permission_denied")
    if target.state != ModerationState.SUBMITTED:
        raise DomainError(
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
        return original
    previous = target.state
    target.state = ModerationState.PUBLISHED
    target.published_at = target.published_at or now
    target._history_user = actor  # type: ignore[attr-defined]
    target.save(update_fields=["state", "published_at", "updated_at"])
    _log(target, actor=actor, from_state=previous, to_state=ModerationState.PUBLISHED, reason=note)
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
        Transition.objects.filter(initiative=target).update(initiative=original)
        target.delete()
        return original  # type: ignore[return-value]
    del transition
    return target


@transaction.atomic
def discard_draft(*, actor: User, initiative: Initiative) -> None:
    """Delete a draft that was never submitted (or a revision the owner gives up)."""
    target = _locked(initiative)
    if not permissions.belongs_to_user(actor, target):
        raise DomainError(_("You cannot delete this initiative."), code="permission_denied")
    never_reviewed = (
        target.state == ModerationState.DRAFT
        and not target.transitions.filter(to_state=ModerationState.SUBMITTED).exists()
    )
    if not (
        never_reviewed or (target.revision_of_id and target.state in permissions.EDITABLE_STATES)
    ):
        raise DomainError(
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
        raise DomainError(_("Only moderators open calls."), code="permission_denied")
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
        organisation = Organisation(status=Organisation.Status.PENDING, **new_organisation)
        full_clean_or_raise(organisation)
        organisation._history_user = actor  # type: ignore[attr-defined]
        organisation.save()
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

    Approving a request for a pending organisation approves the organisation too.
    """
    if not permissions.is_moderator(actor):
        raise DomainError(_("Only moderators approve members."), code="permission_denied")
    req = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    if req.status != MembershipRequest.Status.PENDING:
        raise DomainError(_("This request was already decided."), code="invalid_state")
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
def register_user(*, email: str, full_name: str, password: str) -> User:
    """Create a login for a civil-society member (no role until a moderator approves)."""
    from django.contrib.auth.password_validation import validate_password

    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(
            _("An account with this e-mail address exists; log in instead."), field="email"
        )
    try:
        validate_password(password)
    except ValidationError as exc:
        raise DomainError(errors={"password": exc.messages}) from exc
    return User.objects.create_user(email, password, full_name=full_name.strip())
