"""Writes of the reviews app: cycles, submissions and pledges."""

from .cycles import create_cycle, load_review_cycles, update_cycle
from .pledges import create_pledge, post_pledge_update, update_pledge
from .submissions import (
    add_submission_attachment,
    create_submission,
    submit_submission,
    update_submission,
)

__all__ = [
    "add_submission_attachment",
    "create_cycle",
    "create_pledge",
    "create_submission",
    "load_review_cycles",
    "post_pledge_update",
    "submit_submission",
    "update_cycle",
    "update_pledge",
    "update_submission",
]
