"""Every write to a plan: one keyword-only function per command, each with an ``actor``."""

from .indicators import record_indicator_value, save_indicator, validate_indicator_value
from .measures import (
    approve_progress_update,
    create_measure,
    delete_budget_line,
    return_progress_update,
    save_budget_line,
    submit_progress_update,
    update_measure,
)
from .plan import (
    add_checklist_evidence,
    adopt_plan,
    answer_guiding_question,
    revise_plan,
    save_axis,
    set_publication,
    set_step_status,
    start_plan,
    update_checklist_item,
    update_plan,
)
from .steps import (
    assess_objective,
    record_consultation,
    record_meeting,
    save_coordination_body,
    save_stakeholder,
    validate_objective_selection,
)

__all__ = [
    "add_checklist_evidence",
    "adopt_plan",
    "answer_guiding_question",
    "approve_progress_update",
    "assess_objective",
    "create_measure",
    "delete_budget_line",
    "record_consultation",
    "record_indicator_value",
    "record_meeting",
    "return_progress_update",
    "revise_plan",
    "save_axis",
    "save_budget_line",
    "save_coordination_body",
    "save_indicator",
    "save_stakeholder",
    "set_publication",
    "set_step_status",
    "start_plan",
    "submit_progress_update",
    "update_checklist_item",
    "update_measure",
    "update_plan",
    "validate_indicator_value",
    "validate_objective_selection",
]
