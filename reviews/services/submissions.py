"""Writes of review submissions: voluntary GCM reviews and stakeholder inputs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Organisation
from core.errors import (
    ConflictError,
    DomainError,
    ForbiddenError,
    NotFoundError,
    full_clean_or_raise,
)
from core.services import apply_fields
from core.uploads import validate_upload
from countries.models import Country
from objectives.models import Objective

from ..models import ReviewCycle, Submission, SubmissionAttachment
from ..permissions import can_edit_submission, can_edit_submission_author, can_view_submission

TEXT_FIELDS = ("title", "summary", "progress", "good_practices", "challenges", "recommendations")
MAX_ATTACHMENTS = 10


def _check_window(cycle: ReviewCycle) -> None:
    today = timezone.localdate()
    if cycle.is_open_on(today):
        return
    if not cycle.submissions_open_on or not cycle.submissions_close_on:
        message = _("“%(cycle)s” is not accepting submissions: no submission window is set.")
    elif today < cycle.submissions_open_on:
        message = _(
            "“%(cycle)s” accepts submissions from %(open)s to %(close)s; it is not open yet."
        )
    else:
        message = _(
            "“%(cycle)s” accepted submissions from %(open)s to %(close)s; the window is closed."
        )
    raise DomainError(
        message
        % {
            "cycle": cycle.title,
            "open": date_format(cycle.submissions_open_on) if cycle.submissions_open_on else "",
            "close": date_format(cycle.submissions_close_on) if cycle.submissions_close_on else "",
        },
        field="cycle",
        code="window_closed",
    )


def _objectives(ids: Iterable[int] | None) -> list[Objective]:
    if ids is None:
        return []
    # Objective instances, or objective numbers (1-23).
    ids = list(ids)
    pks = {i.pk for i in ids if isinstance(i, Objective)}
    numbers = {i for i in ids if not isinstance(i, Objective)}
    try:
        found = list(Objective.objects.filter(pk__in=pks)) + list(
            Objective.objects.filter(number__in=numbers)
        )
    except (TypeError, ValueError):
        raise DomainError(_("Choose objectives from the list."), field="objectives") from None
    if len(found) != len(pks) + len(numbers):
        raise DomainError(_("Choose objectives from the list."), field="objectives")
    return found


@transaction.atomic
def create_submission(
    *,
    actor: Any,
    cycle: ReviewCycle,
    country: Country | None = None,
    organisation: Organisation | None = None,
    objectives: Iterable[Any] | None = None,
    **text: str,
) -> Submission:
    """Start a draft: a country's voluntary review (coordinator) or an organisation's input."""
    cycle = ReviewCycle.objects.select_for_update().get(pk=cycle.pk)
    if (country is None) == (organisation is None):
        raise DomainError(
            _("A submission is made either for a country or for an organisation."),
            field="country",
        )
    kind = Submission.Kind.VOLUNTARY_REVIEW if country else Submission.Kind.STAKEHOLDER_INPUT
    submission = Submission(
        cycle=cycle, kind=kind, country=country, organisation=organisation, created_by=actor
    )
    if not can_edit_submission_author(actor, submission):
        raise ForbiddenError(
            _("Only the national coordinator may prepare the country's review.")
            if country
            else _("You may only submit inputs for your own organisation."),
        )
    _check_window(cycle)
    if (
        country is not None
        and cycle.review_region_id is not None
        and not country.review_regions.filter(pk=cycle.review_region_id).exists()
    ):
        raise DomainError(
            _("%(country)s is not in the %(region)s review region.")
            % {"country": country.name, "region": cycle.review_region},
            field="country",
        )
    if (
        country is not None
        and Submission.objects.filter(
            cycle=cycle, country=country, kind=Submission.Kind.VOLUNTARY_REVIEW
        ).exists()
    ):
        raise DomainError(
            _("%(country)s already has a voluntary review for this cycle; edit that one.")
            % {"country": country.name},
            field="cycle",
        )
    apply_fields(
        submission,
        {k: v or "" for k, v in text.items()},
        allowed=TEXT_FIELDS,
        actor=actor,
        strip=True,
    )
    chosen = _objectives(objectives)
    full_clean_or_raise(submission)
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError as exc:
        raise DomainError(
            _("This country already has a voluntary review for this cycle."), field="cycle"
        ) from exc
    submission.objectives.set(chosen)
    return submission


def _lock_editable(actor: Any, submission: Submission) -> Submission:
    locked = Submission.objects.select_for_update().select_related("cycle").get(pk=submission.pk)
    if not can_view_submission(actor, locked):
        raise NotFoundError(_("No such submission."))
    if not can_edit_submission_author(actor, locked):
        raise ForbiddenError(_("You may not change this submission."))
    if not can_edit_submission(actor, locked):
        raise ConflictError(
            _("This submission was submitted and can no longer be changed."), code="submitted"
        )
    return locked


@transaction.atomic
def update_submission(
    *, actor: Any, submission: Submission, objectives: Iterable[Any] | None = None, **text: str
) -> Submission:
    """Edit a draft, within the cycle's window."""
    submission = _lock_editable(actor, submission)
    _check_window(submission.cycle)
    changed = apply_fields(
        submission,
        {k: v or "" for k, v in text.items()},
        allowed=TEXT_FIELDS,
        actor=actor,
        strip=True,
    )
    chosen = _objectives(objectives) if objectives is not None else None
    full_clean_or_raise(submission)
    if changed:
        submission.save(update_fields=[*changed, "updated_at"])
    if chosen is not None:
        submission.objectives.set(chosen)
    return submission


@transaction.atomic
def submit_submission(*, actor: Any, submission: Submission) -> Submission:
    """Submit a draft: it becomes public and read-only. Only within the cycle's window."""
    submission = _lock_editable(actor, submission)
    _check_window(submission.cycle)
    if not submission.summary.strip():
        raise DomainError(_("Write a summary before submitting."), field="summary")
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.save(update_fields=["status", "submitted_at", "updated_at"])
    return submission


@transaction.atomic
def add_submission_attachment(
    *, actor: Any, submission: Submission, upload: UploadedFile, name: str = ""
) -> SubmissionAttachment:
    """Attach a checked file to a draft submission."""
    submission = _lock_editable(actor, submission)
    _check_window(submission.cycle)
    if submission.attachments.count() >= MAX_ATTACHMENTS:
        raise DomainError(
            _("A submission takes at most %(n)d files.") % {"n": MAX_ATTACHMENTS}, field="file"
        )
    try:
        validate_upload(upload)
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="file", code="invalid_file") from exc
    attachment = SubmissionAttachment(
        submission=submission,
        name=(name or upload.name or "attachment").strip()[:255],
        uploaded_by=actor,
    )
    attachment.file.save(upload.name or "attachment", upload, save=False)
    attachment.save()
    return attachment
