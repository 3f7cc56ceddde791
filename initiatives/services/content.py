"""What an initiative holds: field lists, validation, applying data, copying, the log."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import DomainError, full_clean_or_raise
from core.services import apply_fields
from countries.models import CommissionMembership
from objectives.models import Objective, ObjectiveAction

from ..models import (
    CATEGORY_FIELDS,
    DatePrecision,
    Evidence,
    Initiative,
    InitiativeObjective,
    InitiativeOutput,
    InitiativePartner,
    Transition,
)

log = logging.getLogger(__name__)

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
# What a submitter sets, in the order of the web form; the step forms and the API input
# serializer take their fields from here (``reporting_year`` is set by imports only).
SUBMITTER_FIELDS = (
    "title",
    "summary",
    "description",
    "expected_outcomes",
    "categories",
    "activity_types",
    "activity_status",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "timeline",
    "geo_level",
    "host_country",
    "countries",
    "regions",
    "regions_text",
    "objectives",
    "covers_whole_gcm",
    "principles",
    "constituencies",
    "partners",
    "other_stakeholders",
    "engages_states",
    "names_gcm",
    "crisis_response",
    "crisis_details",
    "outputs",
    "evidence_links",
    "funding_status",
    "funders",
    "call",
    "contact_name",
    "contact_email",
    "contact_affiliation",
)
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
    apply_fields(
        initiative,
        {
            f: "" if data[f] is None and f not in _NULLABLE else data[f]
            for f in SCALAR_FIELDS
            if f in data
        },
        allowed=SCALAR_FIELDS,
        strip=True,
    )
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
    countries = list(initiative.countries.all())
    region_ids = {c.m49_region_id for c in countries} | set(
        initiative.regions.values_list("pk", flat=True)
    )
    # Regional members only: France's initiatives do not cover ESCAP or ECLAC.
    review_ids = set(
        CommissionMembership.objects.filter(country__in=countries, is_regional=True).values_list(
            "review_region_id", flat=True
        )
    )
    initiative.coverage_regions.set(region_ids)
    initiative.coverage_review_regions.set(review_ids)


def search_vector_expression() -> Any:
    """The stored full-text vector: title (A), summary and organisation name (B), the rest (C).

    The organisation's name is inside the vector so that one GIN-indexed match finds it; a
    search never joins the organisations table.
    """
    from django.contrib.postgres.search import SearchVector
    from django.db.models import OuterRef, Subquery

    from accounts.models import Organisation

    org_name = Subquery(
        Organisation.objects.filter(pk=OuterRef("organisation_id")).values("name")[:1]
    )
    return (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", org_name, weight="B", config="english")
        + SearchVector(
            "description", "expected_outcomes", "regions_text", weight="C", config="english"
        )
    )


def refresh_search_vector(initiative: Initiative) -> None:
    """Keep the full-text search vector in step (PostgreSQL only; SQLite searches by match)."""
    if connection.vendor != "postgresql":
        return
    Initiative.objects.filter(pk=initiative.pk).update(search_vector=search_vector_expression())


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
        transition_id = transition.pk
        transaction.on_commit(lambda: _queue_notification(transition_id))
    else:
        # Nothing to send: settled at once, so the sweep of pending notifications skips it.
        transition.notified_at = transition.created_at
        transition.save(update_fields=["notified_at"])
    return transition


def _queue_notification(transition_id: int) -> None:
    """Hand the e-mail to a worker; with the broker down, the periodic sweep sends it later.

    The transition row, written in the same transaction as the change, is the outbox entry:
    its ``notified_at`` stays empty until the e-mail is sent
    (``deliver_pending_notifications``).
    """
    from kombu.exceptions import KombuError
    from redis.exceptions import RedisError

    from ..tasks import notify_transition

    try:
        notify_transition.delay(transition_id)
    except (KombuError, RedisError, OSError):
        log.warning(
            "broker unavailable: transition %s will be notified by the sweep", transition_id
        )
