"""The access table of the plan pages: one URL per page, one per command posted from it.

Plan X is public with its measures; its process, stakeholders, assessment, budget and
indicators are not. Who may not see a part gets 404 from its commands too; who may see but
not change gets 403. A command whose form is checked before the service's permission gets a
valid body, so that the table tests the permission.
"""

from __future__ import annotations

from .table import LOGIN, Check, Lit, Ref, by

PUBLIC = by(200)
X = {"alpha3": "x"}
STEP = {"alpha3": "x", "number": 1}
MEASURE = {"alpha3": "x", "number": "measure_x"}
# The coordinator's commands on a visible part; an allowed write redirects (302).
COORDINATOR_DONE = by(403, anonymous=LOGIN, coordinator_x=302, admin=302)
EDITOR_DONE = by(403, anonymous=LOGIN, focal_x=302, coordinator_x=302, admin=302)
# A command on an unpublished part, with an invalid form: 400 for its editors.
HIDDEN_PART_WRITE = by(404, anonymous=LOGIN, focal_x=400, coordinator_x=400, admin=400)
READERS = (
    "member_a",
    "member_b",
    "coordinator_y",
    "moderator",
    "regional_moderator",
    "organiser",
    "analyst",
)
SETTINGS = {"title": "National Implementation Plan of the GCM", "form": "standalone"}
RUBRIC = dict.fromkeys(
    ("applicability", "linkages", "impact", "future_relevance", "constraints"), 3
)
MEASURE_FORM = {
    "title": "Participate in regional dialogues on migration",
    "level": "policy",
    "objectives": [2],
    "primary_objective": 2,
    "responsible_entity": Ref("ministry_x"),
    "deadline_kind": "continuous",
}

PENDING_HIDDEN = (
    "a pending progress update is not public (the API answers 404), but its approve and "
    "return commands answer 403 to readers of the plan"
)

PLAN_PAGES: list[Check] = [
    Check("plans:plan-list", PUBLIC),
    Check(
        "plans:plan-start",
        by(403, anonymous=LOGIN, coordinator_y=200, admin=200),
        args={"alpha3": "y"},
        label="country Y, without a plan",
    ),
    Check(
        "plans:plan-start",
        by(403, anonymous=LOGIN, coordinator_y=302, admin=302),
        method="POST",
        args={"alpha3": "y"},
        data={"title": "National plan of Y", "form": "standalone"},
        label="country Y, without a plan",
    ),
    Check("plans:plan-detail", PUBLIC, args=X),
    # settings: one page, four commands (the coordinator's)
    Check("plans:plan-settings", by(403, anonymous=LOGIN, coordinator_x=200, admin=200), args=X),
    Check(
        "plans:plan-update",
        COORDINATOR_DONE,
        method="POST",
        args=X,
        data={f"s-{k}": v for k, v in SETTINGS.items()},
    ),
    Check(
        "plans:plan-adopt",
        COORDINATOR_DONE,
        method="POST",
        args=X,
        data={
            "a-approving_body": "Council of Ministers",
            "a-approval_instrument": "Resolution 141/2019",
            "a-approval_date": "2019-08-20",
        },
    ),
    Check(
        "plans:plan-revise",
        COORDINATOR_DONE,
        method="POST",
        args=X,
        data={**{f"r-{k}": v for k, v in SETTINGS.items()}, "r-reason": "Mid-term review"},
    ),
    Check(
        "plans:plan-publication",
        COORDINATOR_DONE,
        method="POST",
        args=X,
        data={"p-publish_plan": "on", "p-publish_measures": "on"},
    ),
    # the step page (process unpublished) and its commands
    Check("plans:step-detail", by(404, focal_x=200, coordinator_x=200, admin=200), args=STEP),
    Check("plans:step-status", HIDDEN_PART_WRITE, method="POST", args=STEP),
    Check(
        "plans:checklist-update",
        HIDDEN_PART_WRITE,
        method="POST",
        args={**STEP, "item": "checklist_item"},
    ),
    Check(
        "plans:checklist-evidence-add",
        HIDDEN_PART_WRITE,
        method="POST",
        args={**STEP, "item": "checklist_item"},
    ),
    Check(
        "plans:question-answer",
        HIDDEN_PART_WRITE,
        method="POST",
        args={**STEP, "question": "question"},
    ),
    Check("plans:consultation-create", HIDDEN_PART_WRITE, method="POST", args=STEP),
    Check("plans:stakeholder-create", HIDDEN_PART_WRITE, method="POST", args=X),
    Check("plans:body-create", HIDDEN_PART_WRITE, method="POST", args=X),
    Check("plans:meeting-create", HIDDEN_PART_WRITE, method="POST", args={**X, "body": "body_x"}),
    Check("plans:selection-validate", HIDDEN_PART_WRITE, method="POST", args=X),
    Check(
        "plans:assessment-edit",
        by(403, anonymous=LOGIN, focal_x=200, coordinator_x=200, admin=200),
        args={"alpha3": "x", "objective": 1},
    ),
    Check(
        "plans:assessment-edit",
        EDITOR_DONE,
        method="POST",
        args={"alpha3": "x", "objective": 1},
        data={**RUBRIC, "notes": "Assessed."},
    ),
    # measures and budget (measures published, budget not)
    Check("plans:measure-list", PUBLIC, args=X),
    Check(
        "plans:measure-create",
        by(403, anonymous=LOGIN, focal_x=200, coordinator_x=200, admin=200),
        args=X,
    ),
    Check("plans:measure-create", EDITOR_DONE, method="POST", args=X, data=MEASURE_FORM),
    Check("plans:measure-detail", PUBLIC, args=MEASURE),
    Check(
        "plans:measure-edit",
        by(403, anonymous=LOGIN, focal_x=200, coordinator_x=200, admin=200),
        args=MEASURE,
    ),
    Check(
        "plans:measure-edit",
        EDITOR_DONE,
        method="POST",
        args=MEASURE,
        data={**MEASURE_FORM, "version": Ref("measure_x_version")},
    ),
    Check(
        "plans:budget-line-create",
        EDITOR_DONE,
        method="POST",
        args=MEASURE,
        data={
            "bl-fiscal_year": 2025,
            "bl-amount": "1000",
            "bl-currency": "EUR",
            "bl-source_type": "national_budget",
            "bl-kind": "immediate",
            "bl-status": "committed",
        },
    ),
    Check(
        "plans:progress-update-create",
        EDITOR_DONE,
        method="POST",
        args=MEASURE,
        data={"pu-reported_status": "in_progress", "pu-progress": "More done."},
    ),
    # indicators (unpublished)
    Check("plans:indicator-list", by(404, focal_x=200, coordinator_x=200, admin=200), args=X),
    Check("plans:indicator-create", HIDDEN_PART_WRITE, method="POST", args=X),
    Check(
        "plans:indicator-value-create",
        HIDDEN_PART_WRITE,
        method="POST",
        args={**X, "pk": "indicator_x_pk"},
    ),
    Check(
        "plans:indicator-value-validate",
        by(404, anonymous=LOGIN, focal_x=403, coordinator_x=302, admin=302),
        method="POST",
        args={**X, "pk": "value_x"},
    ),
    # monitoring: the coordinator approves or returns pending updates (not public)
    Check(
        "plans:monitoring",
        by(403, anonymous=LOGIN, focal_x=200, coordinator_x=200, admin=200),
        args=X,
    ),
    Check(
        "plans:progress-update-approve",
        by(404, anonymous=LOGIN, focal_x=403, coordinator_x=302, admin=302),
        method="POST",
        args={**X, "pk": "update_x"},
        label="pending update",
        holes=dict.fromkeys(READERS, PENDING_HIDDEN),
    ),
    Check(
        "plans:progress-update-return",
        by(404, anonymous=LOGIN, focal_x=403, coordinator_x=302, admin=302),
        method="POST",
        args={**X, "pk": "update_x"},
        data={"r{update_x}-reason": "Add the sources."},
        label="pending update",
        holes=dict.fromkeys(READERS, PENDING_HIDDEN),
    ),
    Check("plans:plan-print", PUBLIC, args=X),
    Check("plans:plan-export", PUBLIC, args=X),
]

# Every stored file, through the one guarded download view.
DOWNLOADS: list[Check] = [
    Check(
        "core:file-download",
        by(404, focal_x=200, coordinator_x=200, admin=200),
        args={"kind": Lit("plan-evidence"), "pk": "plan_evidence_x"},
        label="checklist evidence, process unpublished",
    ),
    Check(
        "core:file-download",
        by(404, member_a=200, admin=200),
        args={"kind": Lit("initiative-evidence"), "pk": "evidence_a"},
        label="evidence of A's draft",
    ),
    Check(
        "core:file-download",
        by(404, focal_x=200, coordinator_x=200, admin=200),
        args={"kind": Lit("submission-attachment"), "pk": "attachment_x"},
        label="attachment of X's draft review",
    ),
    Check(
        "core:file-download",
        by(404, member_a=200),
        args={"kind": Lit("report-file"), "pk": "job_file_a"},
        label="report requested by member A",
    ),
    Check(
        "core:file-download",
        PUBLIC,
        args={"kind": Lit("report-file"), "pk": "bulk_file"},
        label="public bulk export",
    ),
]
