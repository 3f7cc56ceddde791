"""Writes on indicators (Tool 6 and 7) and their values."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import DomainError, NotFoundError, full_clean_or_raise
from objectives.models import DisaggregationDimension, ObjectiveAction, SDGTarget, ToolItem

from ..models import Indicator, IndicatorValue, Measure, Plan
from .common import (
    apply_fields,
    country_entities,
    lock_plan,
    objectives_by_number,
    require_coordinator,
    require_editor,
    set_history_user,
)

INDICATOR_FIELDS = (
    "code",
    "name",
    "indicator_type",
    "is_human_rights",
    "definition",
    "international_standards",
    "unit",
    "data_source",
    "methodology",
    "periodicity",
    "other_actors",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
)


@transaction.atomic
def save_indicator(
    *,
    actor: Any,
    plan: Plan,
    indicator: Indicator | None = None,
    objective_numbers: list[int] | None = None,
    measures: list[Measure] | None = None,
    disaggregations: list[DisaggregationDimension] | None = None,
    quality_checks: list[ToolItem] | None = None,
    actions: list[ObjectiveAction] | None = None,
    sdg_target: SDGTarget | None = None,
    lead_entity: Any = None,
    **data: Any,
) -> Indicator:
    """Add or change an indicator with its Tool 6 fields and Tool 7 checks."""
    plan = lock_plan(plan)
    require_editor(actor, plan)
    if indicator is not None and indicator.plan_id != plan.pk:
        raise NotFoundError(_("This indicator belongs to another plan."))
    row = indicator or Indicator(plan=plan)
    apply_fields(row, data, allowed=INDICATOR_FIELDS)
    row.sdg_target = sdg_target
    if lead_entity is not None:
        country_entities(plan, [lead_entity.pk], field="lead_entity")
    row.lead_entity = lead_entity
    objectives = objectives_by_number(objective_numbers or [])
    if measures and any(m.plan_id != plan.pk for m in measures):
        raise DomainError(_("Choose measures of this plan."), field="measures")
    if quality_checks and any(q.tool.number != 7 for q in quality_checks):
        raise DomainError(_("Only the Tool 7 checks can be ticked here."), field="quality_checks")
    if Indicator.objects.filter(plan=plan, code=row.code).exclude(pk=row.pk).exists():
        raise DomainError(_("This code is already used in this plan."), field="code")
    full_clean_or_raise(row, validate_unique=False)
    set_history_user(row, actor)
    row.save()
    row.objectives.set(objectives)
    if measures is not None:
        row.measures.set(measures)
    if disaggregations is not None:
        row.disaggregations.set(disaggregations)
    if quality_checks is not None:
        row.quality_checks.set(quality_checks)
    if actions is not None:
        row.actions.set(actions)
    return row


def disaggregation_key(disaggregation: dict[str, str]) -> str:
    """A canonical text key of a disaggregation, e.g. "age=0-17;sex=female"."""
    return ";".join(f"{k}={disaggregation[k]}" for k in sorted(disaggregation))


@transaction.atomic
def record_indicator_value(
    *,
    actor: Any,
    indicator: Indicator,
    period: str,
    value: Any,
    disaggregation: dict[str, str] | None = None,
    source: str = "",
    notes: str = "",
) -> IndicatorValue:
    """Enter (or correct) a value for a period; it is a draft until the coordinator validates."""
    plan = lock_plan(indicator.plan)
    require_editor(actor, plan)
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise DomainError(_("Enter the value as a number."), field="value") from None
    if not number.is_finite():
        raise DomainError(_("Enter the value as a number."), field="value")
    disaggregation = {
        str(k).strip(): str(v).strip() for k, v in (disaggregation or {}).items() if str(v).strip()
    }
    allowed = set(indicator.disaggregations.values_list("code", flat=True))
    unknown = set(disaggregation) - allowed
    if unknown:
        raise DomainError(
            _("This indicator is not disaggregated by %(dims)s.")
            % {"dims": ", ".join(sorted(unknown))},
            field="disaggregation",
        )
    key = disaggregation_key(disaggregation)
    row = IndicatorValue.objects.select_for_update().filter(
        indicator=indicator, period=period, disaggregation_key=key
    ).first() or IndicatorValue(indicator=indicator, period=period, disaggregation_key=key)
    row.value = number
    row.disaggregation = disaggregation
    row.source = source
    row.notes = notes
    row.status = IndicatorValue.Status.DRAFT
    full_clean_or_raise(row, validate_unique=False)
    set_history_user(row, actor)
    row.save()
    return row


@transaction.atomic
def validate_indicator_value(*, actor: Any, value: IndicatorValue) -> IndicatorValue:
    """The coordinator validates a value; only validated values are published."""
    plan = lock_plan(value.indicator.plan)
    require_coordinator(actor, plan)
    row = IndicatorValue.objects.select_for_update().get(pk=value.pk)
    row.status = IndicatorValue.Status.VALIDATED
    set_history_user(row, actor)
    row.save(update_fields=["status", "updated_at"])
    return row
