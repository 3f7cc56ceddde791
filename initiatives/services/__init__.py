"""Writes for initiatives: drafts, submission, moderation, revisions, calls, members.

Web forms, the API and the importer call these functions; none of them writes elsewhere.
``content`` holds what an initiative is made of, ``workflow`` its life, ``community`` calls
and membership.
"""

from .community import (
    decide_membership,
    register_and_request_membership,
    register_user,
    request_membership,
    save_call,
)
from .content import (
    ALL_FIELDS,
    M2M_FIELDS,
    SCALAR_FIELDS,
    SUBMITTER_FIELDS,
    ObjectiveChoice,
    _apply,
    _log,
    _submission_errors,
    refresh_coverage,
    refresh_search_vector,
    search_vector_expression,
)
from .workflow import (
    add_evidence_file,
    create_initiative,
    deliver_pending_notifications,
    discard_draft,
    publish_initiative,
    reject_initiative,
    remove_evidence,
    request_changes,
    send_transition_email,
    start_revision,
    submit_initiative,
    update_initiative,
)

__all__ = [
    "ALL_FIELDS",
    "M2M_FIELDS",
    "SCALAR_FIELDS",
    "SUBMITTER_FIELDS",
    "ObjectiveChoice",
    "_apply",
    "_log",
    "_submission_errors",
    "add_evidence_file",
    "create_initiative",
    "decide_membership",
    "deliver_pending_notifications",
    "discard_draft",
    "publish_initiative",
    "refresh_coverage",
    "refresh_search_vector",
    "register_and_request_membership",
    "register_user",
    "reject_initiative",
    "remove_evidence",
    "request_changes",
    "request_membership",
    "save_call",
    "search_vector_expression",
    "send_transition_email",
    "start_revision",
    "submit_initiative",
    "update_initiative",
]
