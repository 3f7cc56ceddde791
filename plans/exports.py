"""The whole plan as XLSX sheets (written by core.exports), limited to what the reader sees."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core.exports import Sheet
from objectives.models import ChecklistItem

from . import selectors
from .models import BudgetLine, ChecklistProgress, Plan, ProgressUpdate
from .permissions import can_edit_plan, visible_parts


def plan_sheets(plan: Plan, user: Any) -> list[Sheet]:
    """The workbook's sheets; a fixed number of queries whatever the plan's size."""
    parts = visible_parts(user, plan)
    editor = can_edit_plan(user, plan)
    sheets: list[Sheet] = []

    def _sheet(title: str, header: list[str], rows: Any) -> None:
        sheets.append(Sheet(title, header, rows))

    _sheet(
        _("Plan"),
        [_("Field"), _("Value")],
        [
            (_("Country"), plan.country.name),
            (_("Title"), plan.title),
            (_("Demo data"), _("yes") if plan.is_demo else _("no")),
            *([(_("What is illustrative"), plan.demo_note)] if plan.demo_note else []),
            (_("Form"), plan.get_form_display()),
            (_("Integrated into"), plan.integrated_into),
            (_("Status"), plan.get_status_display()),
            (_("Revision"), plan.revision),
            (_("Approving body"), plan.approving_body),
            (_("Approval instrument"), plan.approval_instrument),
            (_("Approval date"), plan.approval_date),
            (_("Period"), f"{plan.period_start or ''}-{plan.period_end or ''}"),
            (_("Public document"), plan.document_url),
            *[(_("Axis %(n)s") % {"n": a.number}, a.title) for a in plan.axes.order_by("number")],
        ],
    )
    steps = selectors.step_progress(plan)
    _sheet(
        _("Steps"),
        [_("Step"), _("Name"), _("Status"), _("Items"), _("Achieved"), _("N/A"), _("Progress %")],
        [
            (
                s["number"],
                s["name"],
                s["status_label"],
                s["total"],
                s["achieved"],
                s["not_applicable"],
                s["percent"],
            )
            for s in steps
        ],
    )
    if parts["process"]:
        items = ChecklistItem.objects.select_related("step").order_by("step__number", "order")
        items = items.prefetch_related(
            Prefetch(
                "progress",
                queryset=ChecklistProgress.objects.filter(plan=plan).select_related(
                    "responsible_entity"
                ),
                to_attr="rows",
            )
        )
        _sheet(
            _("Checklist"),
            [_("Step"), _("Item"), _("Text"), _("Status"), _("Responsible"), _("Due"), _("Notes")],
            [
                (
                    i.step.number,
                    i.order,
                    i.text,
                    i.rows[0].get_status_display() if i.rows else _("Not started"),
                    str(i.rows[0].responsible_entity or i.rows[0].responsible_role)
                    if i.rows
                    else "",
                    i.rows[0].due_date if i.rows else None,
                    i.rows[0].notes if i.rows else "",
                )
                for i in items
            ],
        )
    coverage = selectors.objective_coverage(
        plan,
        show_assessment=parts["assessment"],
        show_measures=parts["measures"],
        show_indicators=parts["indicators"],
    )
    # Only the columns of the parts the reader may see: hidden parts are not even counted.
    columns: list[tuple[str, str]] = [("number", _("Objective")), ("title", _("Title"))]
    if parts["assessment"]:
        columns += [("assessed", _("Assessed")), ("selected", _("Selected"))]
    if parts["measures"]:
        columns += [("measures", _("Measures")), ("primary_measures", _("Primary measures"))]
    if parts["indicators"]:
        columns += [("indicators", _("Indicators"))]
    _sheet(
        _("Objectives"),
        [label for _key, label in columns],
        [tuple(c[key] for key, _label in columns) for c in coverage],
    )
    if parts["measures"]:
        measures = selectors.measures_for(plan).prefetch_related("principle_links__principle")
        _sheet(
            _("Measures"),
            [
                _("#"),
                _("Axis"),
                _("Measure"),
                _("Objectives"),
                _("Primary objective"),
                _("Level"),
                _("Existing"),
                _("Responsible"),
                _("Involved"),
                _("Start"),
                _("Deadline"),
                _("Status"),
                _("Outputs"),
                _("Outcomes"),
                _("Risks"),
                _("Resources"),
                _("Principles"),
            ],
            [
                (
                    m.number,
                    m.axis.number if m.axis else None,
                    m.title,
                    ", ".join(str(lk.objective.number) for lk in m.objective_links.all()),
                    next(
                        (lk.objective.number for lk in m.objective_links.all() if lk.is_primary),
                        None,
                    ),
                    m.get_level_display(),
                    m.is_existing,
                    str(m.responsible_entity),
                    "; ".join(str(e) for e in m.involved_entities.all()),
                    m.start_date,
                    m.deadline_label,
                    m.get_status_display(),
                    m.outputs,
                    m.outcomes,
                    m.risks,
                    m.resources,
                    "; ".join(
                        f"{pl.principle.name}: {pl.how_applied}" for pl in m.principle_links.all()
                    ),
                )
                for m in measures
            ],
        )
        updates = ProgressUpdate.objects.filter(measure__plan=plan).select_related(
            "measure", "entity"
        )
        if not editor:
            updates = updates.filter(state=ProgressUpdate.State.APPROVED)
        _sheet(
            _("Progress updates"),
            [
                _("Measure"),
                _("Entity"),
                _("Reported status"),
                _("Progress"),
                _("Review"),
                _("Reviewed"),
                _("Reason returned"),
            ],
            [
                (
                    u.measure.number,
                    str(u.entity or ""),
                    u.get_reported_status_display(),
                    u.progress,
                    u.get_state_display(),
                    u.reviewed_at.replace(tzinfo=None) if u.reviewed_at else None,
                    u.return_reason,
                )
                for u in updates.order_by("measure__number", "created_at")
            ],
        )
    if parts["budget"]:
        lines = BudgetLine.objects.filter(measure__plan=plan).select_related("measure")
        _sheet(
            _("Budget lines"),
            [
                _("Measure"),
                _("Fiscal year"),
                _("Amount"),
                _("Currency"),
                _("Source"),
                _("Funder"),
                _("Kind"),
                _("Status"),
            ],
            [
                (
                    b.measure.number,
                    b.fiscal_year,
                    b.amount,
                    b.currency,
                    b.get_source_type_display(),
                    b.source_name,
                    b.get_kind_display(),
                    b.get_status_display(),
                )
                for b in lines.order_by("measure__number", "fiscal_year", "pk")
            ],
        )
        _sheet(
            _("Funding gap"),
            [
                _("Objective"),
                _("Currency"),
                _("Total"),
                _("Requested"),
                _("Committed"),
                _("Funded"),
                _("Gap"),
            ],
            [
                (
                    r["objective"],
                    r["currency"],
                    r["total"],
                    r["requested"],
                    r["committed"],
                    r["funded"],
                    r["gap"],
                )
                for r in selectors.budget_by_objective(plan)
            ],
        )
    if parts["indicators"]:
        indicators = list(selectors.indicators_for(plan, validated_only=not editor))
        _sheet(
            _("Indicators"),
            [
                _("Code"),
                _("Indicator"),
                _("Type"),
                _("Unit"),
                _("Source"),
                _("Method"),
                _("Periodicity"),
                _("Disaggregation"),
                _("Lead"),
                _("Baseline"),
                _("Baseline year"),
                _("Target"),
                _("Target year"),
                _("SDG target"),
                _("Objectives"),
                _("Measures"),
                _("Tool 7 checks met"),
            ],
            [
                (
                    i.code,
                    i.name,
                    i.get_indicator_type_display(),
                    i.unit,
                    i.data_source,
                    i.methodology,
                    i.get_periodicity_display(),
                    ", ".join(d.code for d in i.disaggregations.all()),
                    str(i.lead_entity or ""),
                    i.baseline_value,
                    i.baseline_year,
                    i.target_value,
                    i.target_year,
                    i.sdg_target.code if i.sdg_target else "",
                    ", ".join(str(o.number) for o in i.objectives.all()),
                    ", ".join(str(m.number) for m in i.measures.all()),
                    len(i.quality_checks.all()),
                )
                for i in indicators
            ],
        )
        _sheet(
            _("Indicator values"),
            [_("Code"), _("Period"), _("Value"), _("Disaggregation"), _("Status"), _("Source")],
            [
                (
                    i.code,
                    v.period,
                    v.value,
                    v.disaggregation_key or _("total"),
                    v.get_status_display(),
                    v.source,
                )
                for i in indicators
                for v in i.values.all()
            ],
        )
    return sheets
