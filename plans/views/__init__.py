"""Plan pages: list, dashboard, settings, the six step pages, measures, indicators, monitoring.

A page reads through the selectors; every command posted from a page has its own URL and view
(mirroring the API): the form validates, one service writes, a redirect follows. A service's
DomainError goes on the form (``core.pages.form_error_status``) or, when it refuses the whole
request, to the page mapper. Views keep only the lookups that give a 404 and the guards of
pages that only officials read.
"""

from __future__ import annotations

from .measures import (
    budget_line_create,
    indicator_create,
    indicator_list,
    indicator_value_create,
    indicator_value_validate,
    measure_create,
    measure_detail,
    measure_edit,
    measure_list,
    monitoring,
    progress_update_approve,
    progress_update_create,
    progress_update_return,
)
from .plan import (
    plan_adopt,
    plan_detail,
    plan_export,
    plan_list,
    plan_print,
    plan_publication,
    plan_revise,
    plan_settings,
    plan_start,
    plan_update,
)
from .steps import (
    assessment_edit,
    checklist_evidence_add,
    checklist_update,
    consultation_create,
    coordination_body_create,
    meeting_create,
    question_answer,
    selection_validate,
    stakeholder_create,
    step_detail,
    step_status,
)

__all__ = [
    "assessment_edit",
    "budget_line_create",
    "checklist_evidence_add",
    "checklist_update",
    "consultation_create",
    "coordination_body_create",
    "indicator_create",
    "indicator_list",
    "indicator_value_create",
    "indicator_value_validate",
    "measure_create",
    "measure_detail",
    "measure_edit",
    "measure_list",
    "meeting_create",
    "monitoring",
    "plan_adopt",
    "plan_detail",
    "plan_export",
    "plan_list",
    "plan_print",
    "plan_publication",
    "plan_revise",
    "plan_settings",
    "plan_start",
    "plan_update",
    "progress_update_approve",
    "progress_update_create",
    "progress_update_return",
    "question_answer",
    "selection_validate",
    "stakeholder_create",
    "step_detail",
    "step_status",
]
