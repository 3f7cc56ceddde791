"""Writes of the reviews app: cycles, submissions, pledges and report jobs."""

from .cycles import create_cycle, load_review_cycles, update_cycle
from .pledges import create_pledge, post_pledge_update, update_pledge
from .reports import (
    ReportServiceUnavailable,
    mark_report_failed,
    regenerate_bulk_exports,
    request_report,
    run_report_job,
)
from .submissions import (
    add_submission_attachment,
    create_submission,
    submit_submission,
    update_submission,
)

__all__ = [
    "ReportServiceUnavailable",
    "add_submission_attachment",
    "create_cycle",
    "create_pledge",
    "create_submission",
    "load_review_cycles",
    "mark_report_failed",
    "post_pledge_update",
    "regenerate_bulk_exports",
    "request_report",
    "run_report_job",
    "submit_submission",
    "update_cycle",
    "update_pledge",
    "update_submission",
]
