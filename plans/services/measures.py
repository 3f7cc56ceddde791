"""Writes on measures (with optimistic concurrency), budget lines and progress updates."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.currencies import clean_currency
from core.errors import (
    ConflictError,
    DomainError,
    ForbiddenError,
    NotFoundError,
    full_clean_or_raise,
)
from objectives.models import GuidingPrinciple, ObjectiveAction

from ..models import (
    BudgetLine,
    Measure,
    MeasureObjective,
    MeasurePrinciple,
    Plan,
    PlanAxis,
    ProgressUpdate,
)
from ..permissions import can_report_on_measure, reporting_entity_ids
from .common import (
    apply_fields,
    country_entities,
    lock_plan,
    objectives_by_number,
    require_coordinator,
    require_editor,
    set_history_user,
)

MEASURE_FIELDS = (
    "number",
    "title",
    "description",
    "rationale",
    "intervention_type",
    "level",
    "is_existing",
    "start_date",
    "deadline_kind",
    "deadline",
    "outputs",
    "outcomes",
    "legal_compliance",
    "risks",
    "supporting_activities",
    "resources",
    "funding_arrangements",
)
# What a budget line holds; the page form and the API serializer take their fields from here.
BUDGET_LINE_FIELDS = (
    "fiscal_year",
    "amount",
    "currency",
    "source_type",
    "source_name",
    "kind",
    "status",
    "notes",
)


# The measure's links to other records, which _apply_measure checks and resolves; with
# MEASURE_FIELDS and ``version`` they are what the API input serializer accepts.
MEASURE_LINKS = (
    "axis",
    "responsible_entity",
    "involved_entities",
    "objectives",
    "primary_objective",
    "actions",
    "principles",
)


def _apply_measure(
    plan: Plan,
    measure: Measure,
    data: dict[str, Any],
) -> dict[str, Any]:
    """Set the measure's own fields from ``data``; return the checked relations to save."""
    data = dict(data)
    relations: dict[str, Any] = {}
    if "axis" in data:
        axis = data.pop("axis")
        axis_id = axis.pk if isinstance(axis, PlanAxis) else axis
        if axis_id is not None and not PlanAxis.objects.filter(pk=axis_id, plan=plan).exists():
            raise DomainError(_("Choose one of this plan's axes."), field="axis")
        measure.axis_id = axis_id
    if "responsible_entity" in data:
        entity = data.pop("responsible_entity")
        entity_id = getattr(entity, "pk", entity)
        if entity_id is None:
            raise DomainError(_("Name exactly one responsible entity."), field="responsible_entity")
        country_entities(plan, [entity_id], field="responsible_entity")
        measure.responsible_entity_id = entity_id
    if "involved_entities" in data:
        ids = [getattr(e, "pk", e) for e in data.pop("involved_entities")]
        relations["involved"] = list(country_entities(plan, ids, field="involved_entities"))
    if "objectives" in data or "primary_objective" in data:
        numbers = list(data.pop("objectives", []))
        primary = data.pop("primary_objective", None)
        if not numbers:
            raise DomainError(_("Link the measure to at least one objective."), field="objectives")
        objectives = objectives_by_number(numbers)
        if primary is None and len(objectives) == 1:
            primary = objectives[0].number
        if primary is None:
            raise DomainError(_("Choose the primary objective."), field="primary_objective")
        try:
            primary = int(primary)
        except (TypeError, ValueError):
            raise DomainError(
                _("Choose the primary objective."), field="primary_objective"
            ) from None
        if primary not in {o.number for o in objectives}:
            raise DomainError(
                _("The primary objective must be one of the measure's objectives."),
                field="primary_objective",
            )
        relations["objectives"] = (objectives, primary)
    if "actions" in data:
        ids = [getattr(a, "pk", a) for a in data.pop("actions")]
        actions = list(ObjectiveAction.objects.filter(pk__in=ids).select_related("objective"))
        if len(actions) != len(set(ids)):
            raise DomainError(_("Unknown GCM action."), field="actions")
        relations["actions"] = actions
    if "principles" in data:
        principles: dict[Any, str] = data.pop("principles")
        by_key: dict[Any, GuidingPrinciple] = {p.pk: p for p in GuidingPrinciple.objects.all()}
        by_key.update({p.letter: p for p in by_key.values()})
        chosen = []
        for key, how in principles.items():
            principle = by_key.get(key) or by_key.get(str(key))
            if principle is None:
                raise DomainError(_("Unknown guiding principle."), field="principles")
            chosen.append((principle, (how or "").strip()))
        relations["principles"] = chosen
    apply_fields(measure, data, allowed=MEASURE_FIELDS)
    if measure.deadline_kind == Measure.DeadlineKind.CONTINUOUS:
        measure.deadline = None
    if "actions" in relations:
        objective_numbers = (
            {o.number for o in relations["objectives"][0]}
            if "objectives" in relations
            else set(measure.objectives.values_list("number", flat=True))
        )
        stray = [a for a in relations["actions"] if a.objective.number not in objective_numbers]
        if stray:
            raise DomainError(
                _("Action %(ref)s is not an action of the measure's objectives.")
                % {"ref": stray[0].reference},
                field="actions",
            )
    return relations


def _save_relations(measure: Measure, relations: dict[str, Any]) -> None:
    if "objectives" in relations:
        objectives, primary = relations["objectives"]
        MeasureObjective.objects.filter(measure=measure).delete()
        MeasureObjective.objects.bulk_create(
            [
                MeasureObjective(measure=measure, objective=o, is_primary=o.number == primary)
                for o in objectives
            ]
        )
    if "involved" in relations:
        measure.involved_entities.set(relations["involved"])
    if "actions" in relations:
        measure.actions.set(relations["actions"])
    if "principles" in relations:
        MeasurePrinciple.objects.filter(measure=measure).delete()
        MeasurePrinciple.objects.bulk_create(
            [
                MeasurePrinciple(measure=measure, principle=p, how_applied=how)
                for p, how in relations["principles"]
            ]
        )


def _check_number(plan: Plan, measure: Measure) -> None:
    clash = Measure.objects.filter(plan=plan, number=measure.number).exclude(pk=measure.pk)
    if clash.exists():
        raise DomainError(
            _("Measure number %(n)s is already used in this plan.") % {"n": measure.number},
            field="number",
        )


@transaction.atomic
def create_measure(*, actor: Any, plan: Plan, **data: Any) -> Measure:
    """Add a measure; it needs objectives (one primary) and exactly one responsible entity."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    measure = Measure(plan=plan)
    if "number" not in data or data["number"] in (None, ""):
        last = plan.measures.order_by("-number").values_list("number", flat=True).first()
        data["number"] = (last or 0) + 1
    if "objectives" not in data:
        raise DomainError(_("Link the measure to at least one objective."), field="objectives")
    if "responsible_entity" not in data:
        raise DomainError(_("Name exactly one responsible entity."), field="responsible_entity")
    relations = _apply_measure(plan, measure, data)
    _check_number(plan, measure)
    full_clean_or_raise(measure, validate_unique=False)
    set_history_user(measure, actor)
    measure.save()
    _save_relations(measure, relations)
    return measure


@transaction.atomic
def update_measure(*, actor: Any, measure: Measure, expected_version: int, **data: Any) -> Measure:
    """Change a measure unless someone else saved it since ``expected_version`` was read."""
    plan = lock_plan(measure.plan)
    require_editor(actor, plan)
    current = Measure.objects.select_for_update().get(pk=measure.pk)
    if current.plan_id != plan.pk:  # pragma: no cover - defensive
        raise NotFoundError(_("No such measure."))
    if int(expected_version) != current.version:
        raise ConflictError(
            _(
                "Measure %(n)s was changed by someone else while you were editing it "
                "(you edited version %(yours)s; it is now at version %(now)s). "
                "Your changes were not saved: reload the measure, then apply them again."
            )
            % {"n": current.number, "yours": expected_version, "now": current.version},
            field="version",
        )
    relations = _apply_measure(plan, current, data)
    _check_number(plan, current)
    full_clean_or_raise(current, validate_unique=False)
    current.version += 1  # the row is locked: no lost increment
    set_history_user(current, actor)
    current.save()
    _save_relations(current, relations)
    current.refresh_from_db()
    return current


def _parse_amount(raw: Any) -> Decimal:
    try:
        amount = Decimal(str(raw))
    except (InvalidOperation, ValueError):
        raise DomainError(_("Enter the amount as a number."), field="amount") from None
    if not amount.is_finite() or amount <= 0:
        raise DomainError(_("The amount must be more than zero."), field="amount")
    return amount


@transaction.atomic
def save_budget_line(
    *,
    actor: Any,
    measure: Measure,
    line: BudgetLine | None = None,
    **data: Any,
) -> BudgetLine:
    """Add or change a budget line: amount > 0, an ISO 4217 currency, a status."""
    plan = lock_plan(measure.plan)
    require_editor(actor, plan)
    if line is not None and line.measure_id != measure.pk:
        raise NotFoundError(_("This budget line belongs to another measure."))
    row = line or BudgetLine(measure=measure)
    if "amount" in data:
        data["amount"] = _parse_amount(data["amount"])
    if "currency" in data:
        data["currency"] = clean_currency(data["currency"])
    apply_fields(row, data, allowed=BUDGET_LINE_FIELDS)
    full_clean_or_raise(row)
    set_history_user(row, actor)
    row.save()
    return row


@transaction.atomic
def delete_budget_line(*, actor: Any, line: BudgetLine) -> None:
    plan = lock_plan(line.measure.plan)
    require_editor(actor, plan)
    set_history_user(line, actor)
    line.delete()


@transaction.atomic
def submit_progress_update(
    *,
    actor: Any,
    measure: Measure,
    reported_status: str,
    progress: str,
    evidence_url: str = "",
) -> ProgressUpdate:
    """A focal point of the responsible or an involved entity reports on the measure."""
    plan = lock_plan(measure.plan)
    measure = Measure.objects.select_related("plan__country").get(pk=measure.pk)
    if not can_report_on_measure(actor, measure):
        raise ForbiddenError(
            _(
                "Only focal points of the entity responsible for this measure, or of an "
                "entity involved in it, may report on it."
            ),
        )
    if not progress.strip():
        raise DomainError(_("Describe the progress made."), field="progress")
    involved = set(measure.involved_entities.values_list("id", flat=True))
    mine = reporting_entity_ids(actor, plan)
    entity_id = next(iter(sorted(mine & ({measure.responsible_entity_id} | involved))), None)
    update = ProgressUpdate(
        measure=measure,
        author=actor,
        entity_id=entity_id,
        reported_status=reported_status,
        progress=progress.strip(),
        evidence_url=evidence_url,
    )
    full_clean_or_raise(update)
    set_history_user(update, actor)
    update.save()
    return update


def _lock_update(actor: Any, update: ProgressUpdate) -> tuple[Plan, ProgressUpdate]:
    """Lock the plan and the update; only the coordinator reviews, and only a submitted one."""
    plan = lock_plan(update.measure.plan)
    require_coordinator(actor, plan)
    row = ProgressUpdate.objects.select_for_update().select_related("measure").get(pk=update.pk)
    if row.state != ProgressUpdate.State.SUBMITTED:
        raise ConflictError(
            _("This update was already %(state)s.") % {"state": row.get_state_display().lower()},
        )
    return plan, row


@transaction.atomic
def approve_progress_update(*, actor: Any, update: ProgressUpdate) -> ProgressUpdate:
    """The coordinator approves an update: only then does the measure's status change."""
    _plan, row = _lock_update(actor, update)
    if row.author_id == actor.pk:
        raise ForbiddenError(
            _("You cannot approve your own update; another coordinator must review it."),
        )
    row.state = ProgressUpdate.State.APPROVED
    row.reviewed_by = actor
    row.reviewed_at = timezone.now()
    set_history_user(row, actor)
    row.save(update_fields=["state", "reviewed_by", "reviewed_at", "updated_at"])
    measure = Measure.objects.select_for_update().get(pk=row.measure_id)
    if measure.status != row.reported_status:
        measure.status = row.reported_status
        measure.status_changed_at = row.reviewed_at
        set_history_user(measure, actor)
        measure.save(update_fields=["status", "status_changed_at", "updated_at"])
    return row


@transaction.atomic
def return_progress_update(*, actor: Any, update: ProgressUpdate, reason: str) -> ProgressUpdate:
    """The coordinator returns an update to its author, saying why."""
    _plan, row = _lock_update(actor, update)
    if not (reason or "").strip():
        raise DomainError(_("Say why the update is returned."), field="return_reason")
    if row.author_id == actor.pk:
        raise ForbiddenError(_("You cannot review your own update."))
    row.state = ProgressUpdate.State.RETURNED
    row.return_reason = reason.strip()
    row.reviewed_by = actor
    row.reviewed_at = timezone.now()
    set_history_user(row, actor)
    row.save(update_fields=["state", "return_reason", "reviewed_by", "reviewed_at", "updated_at"])
    return row
