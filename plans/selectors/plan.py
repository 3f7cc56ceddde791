"""Reads of plans: scoped querysets, progress computed in SQL, the dashboard and summaries.

Every function here runs a fixed number of queries, whatever the number of rows.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from objectives.models import ChecklistItem, Objective, ProcessStep

from ..models import (
    BudgetLine,
    ChecklistProgress,
    Indicator,
    IndicatorValue,
    Measure,
    MeasureObjective,
    ObjectiveAssessment,
    Plan,
    ProgressUpdate,
    StepStatus,
)
from ..models.measures import FUNDED_STATUSES
from ..models.plan import ACHIEVED_STATUSES
from ..permissions import can_edit_plan, plans_visible_to

OPEN_STATUSES = (Measure.Status.PLANNED, Measure.Status.IN_PROGRESS, Measure.Status.DELAYED)
UPCOMING_DAYS = 90


def _count_subquery(qs: QuerySet[Any], field: str = "pk") -> Subquery:
    return Subquery(
        qs.order_by().values(field).annotate(c=Count("pk")).values("c")[:1],
        output_field=IntegerField(),
    )


def plan_list(user: Any) -> QuerySet[Plan]:
    """Plans the user may see, with checklist progress and measure counts (one query)."""
    total_items = Subquery(
        ChecklistItem.objects.order_by()
        .annotate(g=Value(1))
        .values("g")
        .annotate(c=Count("pk"))
        .values("c")[:1],
        output_field=IntegerField(),
    )
    return (
        plans_visible_to(user)
        .select_related("country")
        .annotate(
            checklist_total=Coalesce(total_items, 0),
            checklist_achieved=Coalesce(
                _count_subquery(
                    ChecklistProgress.objects.filter(
                        plan=OuterRef("pk"), status__in=ACHIEVED_STATUSES
                    ).annotate(g=Value(1)),
                    "g",
                ),
                0,
            ),
            checklist_na=Coalesce(
                _count_subquery(
                    ChecklistProgress.objects.filter(
                        plan=OuterRef("pk"), status="not_applicable"
                    ).annotate(g=Value(1)),
                    "g",
                ),
                0,
            ),
            measure_count=Coalesce(
                _count_subquery(
                    Measure.objects.filter(plan=OuterRef("pk")).annotate(g=Value(1)), "g"
                ),
                0,
            ),
        )
        .order_by("country__name")
    )


def percent(achieved: int, total: int, not_applicable: int = 0) -> int:
    """Share of applicable items achieved, rounded down (100 when nothing applies)."""
    applicable = total - not_applicable
    if applicable <= 0:
        return 100 if total else 0
    return int(achieved * 100 // applicable)


def plan_for_country(user: Any, alpha3: str) -> Plan:
    """The country's plan if the user may see it; 404 otherwise (without saying it exists)."""
    return get_object_or_404(
        plans_visible_to(user).select_related("country", "validation_consultation"),
        country__alpha3=alpha3.upper(),
    )


def step_progress(plan: Plan) -> list[dict[str, Any]]:
    """Each step with its own status and checklist progress (one query)."""
    steps = ProcessStep.objects.order_by("number").annotate(
        total=Count("checklist_items", distinct=True),
        achieved=Count(
            "checklist_items__progress",
            filter=Q(
                checklist_items__progress__plan=plan,
                checklist_items__progress__status__in=ACHIEVED_STATUSES,
            ),
            distinct=True,
        ),
        not_applicable=Count(
            "checklist_items__progress",
            filter=Q(
                checklist_items__progress__plan=plan,
                checklist_items__progress__status="not_applicable",
            ),
            distinct=True,
        ),
        step_status=Subquery(
            StepStatus.objects.filter(plan=plan, step=OuterRef("pk")).values("status")[:1]
        ),
    )
    labels = dict(StepStatus.Status.choices)
    rows = []
    for s in steps:
        status = s.step_status or StepStatus.Status.NOT_STARTED
        rows.append(
            {
                "number": s.number,
                "name": s.name,
                "status": status,
                "status_label": str(labels[status]),
                "total": s.total,
                "achieved": s.achieved,
                "not_applicable": s.not_applicable,
                "percent": percent(s.achieved, s.total, s.not_applicable),
            }
        )
    return rows


def overall_progress(steps: list[dict[str, Any]]) -> int:
    return percent(
        sum(s["achieved"] for s in steps),
        sum(s["total"] for s in steps),
        sum(s["not_applicable"] for s in steps),
    )


def _money(value: Any) -> Decimal:
    """Amounts to the cent (SQLite returns sums as floats)."""
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


def budget_by_objective(plan: Plan) -> list[dict[str, Any]]:
    """Totals and funding gap per primary objective and currency (one query).

    Each budget line counts once, under its measure's primary objective. ``funded`` is money
    secured or disbursed; ``gap`` is total minus funded.
    """
    rows = (
        BudgetLine.objects.filter(measure__plan=plan, measure__objective_links__is_primary=True)
        .values("measure__objective_links__objective__number", "currency")
        .annotate(
            total=Sum("amount"),
            funded=Coalesce(Sum("amount", filter=Q(status__in=FUNDED_STATUSES)), Decimal("0")),
            requested=Coalesce(Sum("amount", filter=Q(status="requested")), Decimal("0")),
            committed=Coalesce(Sum("amount", filter=Q(status="committed")), Decimal("0")),
        )
        .order_by("measure__objective_links__objective__number", "currency")
    )
    return [
        {
            "objective": r["measure__objective_links__objective__number"],
            "currency": r["currency"],
            "total": _money(r["total"]),
            "requested": _money(r["requested"]),
            "committed": _money(r["committed"]),
            "funded": _money(r["funded"]),
            "gap": _money(r["total"] - r["funded"]),
        }
        for r in rows
    ]


def budget_totals(plan: Plan) -> list[dict[str, Any]]:
    """Plan-wide totals per currency (one query)."""
    rows = (
        BudgetLine.objects.filter(measure__plan=plan)
        .values("currency")
        .annotate(
            total=Sum("amount"),
            funded=Coalesce(Sum("amount", filter=Q(status__in=FUNDED_STATUSES)), Decimal("0")),
        )
        .order_by("currency")
    )
    return [
        {
            "currency": r["currency"],
            "total": _money(r["total"]),
            "funded": _money(r["funded"]),
            "gap": _money(r["total"] - r["funded"]),
        }
        for r in rows
    ]


def objective_coverage(
    plan: Plan,
    *,
    show_assessment: bool = True,
    show_measures: bool = True,
    show_indicators: bool = True,
) -> list[dict[str, Any]]:
    """The 360° view: each of the 23 objectives with its assessment, measures and indicators.

    A part the viewer may not see is ``None`` and is not even counted: an unpublished plan
    part must not show through its counts (pass ``visible_parts`` or the publish flags).
    """
    assessments = ObjectiveAssessment.objects.filter(plan=plan, objective=OuterRef("pk"))
    rows = Objective.objects.order_by("number")
    if show_assessment:
        rows = rows.annotate(
            assessed=Exists(assessments), selected=Exists(assessments.filter(selected=True))
        )
    if show_measures:
        rows = rows.annotate(
            measure_count=Coalesce(
                _count_subquery(
                    MeasureObjective.objects.filter(
                        measure__plan=plan, objective=OuterRef("pk")
                    ).annotate(g=Value(1)),
                    "g",
                ),
                0,
            ),
            primary_measure_count=Coalesce(
                _count_subquery(
                    MeasureObjective.objects.filter(
                        measure__plan=plan, objective=OuterRef("pk"), is_primary=True
                    ).annotate(g=Value(1)),
                    "g",
                ),
                0,
            ),
        )
    if show_indicators:
        rows = rows.annotate(
            indicator_count=Coalesce(
                _count_subquery(
                    Indicator.objects.filter(plan=plan, objectives=OuterRef("pk")).annotate(
                        g=Value(1)
                    ),
                    "g",
                ),
                0,
            ),
        )
    # The annotations exist only for the parts shown (getattr: they are conditional).
    return [
        {
            "number": o.number,
            "short_label": o.short_label,
            "title": o.title,
            "assessed": getattr(o, "assessed", None),
            "selected": getattr(o, "selected", None),
            "measures": getattr(o, "measure_count", None),
            "primary_measures": getattr(o, "primary_measure_count", None),
            "indicators": getattr(o, "indicator_count", None),
        }
        for o in rows
    ]


def measures_for(plan: Plan) -> QuerySet[Measure]:
    """The plan's measures with everything a list shows (four queries)."""
    return (
        Measure.objects.filter(plan=plan)
        .select_related("axis", "responsible_entity")
        .prefetch_related(
            "involved_entities",
            Prefetch(
                "objective_links",
                queryset=MeasureObjective.objects.select_related("objective"),
            ),
        )
        .order_by("number")
    )


def measure_detail(plan: Plan, number: int) -> Measure:
    return get_object_or_404(
        measures_for(plan).prefetch_related(
            "actions__objective",
            "principle_links__principle",
            "budget_lines",
            "indicators",
            Prefetch(
                "updates",
                queryset=ProgressUpdate.objects.select_related(
                    "author", "entity", "reviewed_by"
                ).order_by("-created_at"),
            ),
        ),
        number=number,
    )


def indicators_for(plan: Plan, *, validated_only: bool) -> QuerySet[Indicator]:
    values = IndicatorValue.objects.order_by("period", "disaggregation_key")
    if validated_only:
        values = values.filter(status=IndicatorValue.Status.VALIDATED)
    return (
        Indicator.objects.filter(plan=plan)
        .select_related("sdg_target", "lead_entity")
        .prefetch_related(
            "objectives",
            "measures",
            "disaggregations",
            "quality_checks",
            Prefetch("values", queryset=values),
        )
        .order_by("code")
    )


def pending_updates(plan: Plan) -> QuerySet[ProgressUpdate]:
    return (
        ProgressUpdate.objects.filter(measure__plan=plan, state=ProgressUpdate.State.SUBMITTED)
        .select_related("measure", "author", "entity")
        .order_by("created_at")
    )


def dashboard(plan: Plan, user: Any) -> dict[str, Any]:
    """Everything the plan overview shows, in a fixed number of queries."""
    from ..permissions import visible_parts

    parts = visible_parts(user, plan)
    steps = step_progress(plan)
    today = timezone.localdate()
    data: dict[str, Any] = {
        "parts": parts,
        "steps": steps,
        "overall_percent": overall_progress(steps),
        "coverage": objective_coverage(
            plan,
            show_assessment=parts["assessment"],
            show_measures=parts["measures"],
            show_indicators=parts["indicators"],
        ),
        "can_edit": can_edit_plan(user, plan),
    }
    if parts["measures"]:
        measures = Measure.objects.filter(plan=plan)
        labels = dict(Measure.Status.choices)
        by_status = dict(measures.values_list("status").annotate(c=Count("pk")).order_by("status"))
        data["by_status"] = [
            {"status": s, "label": str(labels[s]), "count": by_status.get(s, 0)}
            for s in Measure.Status.values
        ]
        data["by_entity"] = list(
            measures.values("responsible_entity__name", "responsible_entity__acronym")
            .annotate(
                total=Count("pk"),
                completed=Count("pk", filter=Q(status=Measure.Status.COMPLETED)),
                delayed=Count("pk", filter=Q(status=Measure.Status.DELAYED)),
            )
            .order_by("-total", "responsible_entity__name")
        )
        open_dated = measures.filter(
            status__in=OPEN_STATUSES, deadline_kind=Measure.DeadlineKind.DATE
        ).select_related("responsible_entity")
        deadlines = list(
            open_dated.filter(deadline__lte=today + timedelta(days=UPCOMING_DAYS)).order_by(
                "deadline", "number"
            )
        )
        data["overdue"] = [m for m in deadlines if m.deadline and m.deadline < today]
        data["upcoming"] = [m for m in deadlines if m.deadline and m.deadline >= today]
    if parts["budget"]:
        data["budget_totals"] = budget_totals(plan)
        budget_rows = budget_by_objective(plan)
        by_objective: dict[int, list[dict[str, Any]]] = {}
        for row in budget_rows:
            by_objective.setdefault(row["objective"], []).append(row)
        for row in data["coverage"]:
            row["budget"] = by_objective.get(row["number"], [])
    if data["can_edit"]:
        data["pending_updates"] = ProgressUpdate.objects.filter(
            measure__plan=plan, state=ProgressUpdate.State.SUBMITTED
        ).count()
    return data


def latest_values(indicator: Indicator) -> list[IndicatorValue]:
    """The values of the latest period among the prefetched values (no query)."""
    values = list(indicator.values.all())
    if not values:
        return []
    last = max(v.period for v in values)
    return [v for v in values if v.period == last]


def country_plan_summary(country: Any) -> dict[str, Any] | None:
    """The country's plan as plain data, for reports (published parts only).

    Returns ``None`` when the country has no plan or its plan is not public. Otherwise::

        {
          "country": "PRT", "title": str, "status": "drafting" | "adopted",
          "form": str, "revision": int,
          "approving_body": str, "approval_instrument": str, "approval_date": "YYYY-MM-DD" | None,
          "axes": [{"number": int, "title": str}],
          "overall_percent": int,
          "steps": [{"number", "name", "status", "status_label", "total", "achieved",
                     "not_applicable", "percent"}],
          "coverage": [{"number", "short_label", "title", "assessed", "selected",
                        "measures", "primary_measures", "indicators"}],   # 23 rows
          "measures_by_status": {"planned": int, "in_progress": int, ...} | None,
          "indicators": [{"code", "name", "type", "unit", "baseline", "target",
                          "latest_period", "latest_value"}] | None,
          "budget_by_objective": [{"objective", "currency", "total", "requested",
                                   "committed", "funded", "gap"}] | None,
        }

    Decimal amounts and values are ``str``. A part the coordinator has not published is
    ``None`` (assessment flags in ``coverage`` are ``None`` then). Fixed number of queries.
    """
    plan = Plan.objects.filter(country=country, publish_plan=True).first()
    if plan is None:
        return None
    steps = step_progress(plan)
    summary: dict[str, Any] = {
        "country": country.alpha3,
        "title": plan.title,
        "status": plan.status,
        "form": plan.form,
        "revision": plan.revision,
        "approving_body": plan.approving_body,
        "approval_instrument": plan.approval_instrument,
        "approval_date": plan.approval_date.isoformat() if plan.approval_date else None,
        "axes": list(plan.axes.order_by("number").values("number", "title")),
        "overall_percent": overall_progress(steps),
        "steps": steps,
        "coverage": objective_coverage(
            plan,
            show_assessment=plan.publish_assessment,
            show_measures=plan.publish_measures,
            show_indicators=plan.publish_indicators,
        ),
        "measures_by_status": None,
        "indicators": None,
        "budget_by_objective": None,
    }
    if plan.publish_measures:
        counts = dict(
            Measure.objects.filter(plan=plan)
            .values_list("status")
            .annotate(c=Count("pk"))
            .order_by("status")
        )
        summary["measures_by_status"] = {s: counts.get(s, 0) for s in Measure.Status.values}
    if plan.publish_indicators:
        rows = []
        for ind in indicators_for(plan, validated_only=True):
            latest = [v for v in latest_values(ind) if not v.disaggregation]
            rows.append(
                {
                    "code": ind.code,
                    "name": ind.name,
                    "type": ind.indicator_type,
                    "unit": ind.unit,
                    "baseline": None if ind.baseline_value is None else str(ind.baseline_value),
                    "target": None if ind.target_value is None else str(ind.target_value),
                    "latest_period": latest[0].period if latest else None,
                    "latest_value": str(latest[0].value) if latest else None,
                }
            )
        summary["indicators"] = rows
    if plan.publish_budget:
        summary["budget_by_objective"] = [
            {k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.items()}
            for row in budget_by_objective(plan)
        ]
    return summary


def published_plans_in(country_ids: Any) -> QuerySet[Plan]:
    """Public plans of the given countries, with their published measure counts (one query)."""
    return (
        Plan.objects.filter(country__in=country_ids, publish_plan=True)
        .select_related("country")
        .annotate(
            published_measures=Count("measures", filter=Q(publish_measures=True), distinct=True)
        )
        .order_by("country__name")
    )


def published_measure_objective_counts(country_ids: Any | None = None) -> dict[int, int]:
    """{objective number: published measures with it as an objective}: one aggregate query."""
    links = MeasureObjective.objects.filter(
        measure__plan__publish_plan=True, measure__plan__publish_measures=True
    )
    if country_ids is not None:
        links = links.filter(measure__plan__country__in=country_ids)
    return dict(
        links.values_list("objective__number")
        .annotate(n=Count("measure", distinct=True))
        .order_by()
    )


def published_measures_for_export() -> QuerySet[Measure]:
    """Every published measure of every public plan, for the bulk data export."""
    return (
        Measure.objects.filter(plan__publish_plan=True, plan__publish_measures=True)
        .select_related("plan__country", "axis", "responsible_entity")
        .prefetch_related(
            Prefetch(
                "objective_links",
                queryset=MeasureObjective.objects.select_related("objective"),
            )
        )
        .order_by("plan__country__name", "number")
    )


def published_indicator_values_for_export() -> QuerySet[IndicatorValue]:
    """Validated values of published indicators of public plans, for the bulk data export."""
    return (
        IndicatorValue.objects.filter(
            indicator__plan__publish_plan=True,
            indicator__plan__publish_indicators=True,
            status=IndicatorValue.Status.VALIDATED,
        )
        .select_related("indicator__plan__country")
        .order_by("indicator__plan__country__name", "indicator__code", "period")
    )
