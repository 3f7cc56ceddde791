"""The access table of the API operations.

An anonymous caller of an operation that needs a user gets 401. Writes whose view validates
the body before it checks permission get a valid body (see ``tests/access/table.py``).
"""

from __future__ import annotations

from .table import Check, Lit, Ref, Upload, api, by

PUBLIC = by(200)
SIGNED_IN = by(200, anonymous=401)
X = {"alpha3": "x"}
MEASURE = {"alpha3": "x", "number": "measure_x"}
# Plan X: the plan and its measures are published; its process, budget and indicators not.
PLAN_UNPUBLISHED_PART = by(404, focal_x=200, coordinator_x=200, admin=200)
# Writes to plan X: its government roles edit; others may read the plan, so 403.
PLAN_EDIT = by(403, anonymous=401, focal_x=201, coordinator_x=201, admin=201)
RUBRIC = dict.fromkeys(
    ("applicability", "linkages", "impact", "future_relevance", "constraints"), 3
)

API: list[Check] = [
    # --- schema, reference data, countries --------------------------------------------------
    Check("GET /api/docs/", PUBLIC),
    Check(api("GET", "schema/"), PUBLIC),
    Check(api("GET", "objectives/"), PUBLIC),
    Check(api("GET", "objectives/{number}/"), PUBLIC, args={"number": 6}),
    Check(api("GET", "principles/"), PUBLIC),
    Check(api("GET", "principles/{letter}/"), PUBLIC, args={"letter": Lit("a")}),
    Check(api("GET", "thematic-areas/"), PUBLIC),
    Check(api("GET", "thematic-areas/{code}/"), PUBLIC, args={"code": Lit("TA1")}),
    Check(api("GET", "sdg-targets/"), PUBLIC),
    Check(api("GET", "sdg-targets/{code}/"), PUBLIC, args={"code": Lit("10.7")}),
    Check(api("GET", "process-steps/"), PUBLIC),
    Check(api("GET", "process-steps/{number}/"), PUBLIC, args={"number": 1}),
    Check(api("GET", "countries/"), PUBLIC),
    Check(api("GET", "countries/{alpha3}/"), PUBLIC, args=X),
    Check(api("GET", "regions/"), PUBLIC),
    Check(api("GET", "regions/{code}/"), PUBLIC, args={"code": Lit("150")}),
    Check(api("GET", "review-regions/"), PUBLIC),
    Check(api("GET", "review-regions/{code}/"), PUBLIC, args={"code": Lit("ECE")}),
    Check(api("GET", "me/"), SIGNED_IN),
    # --- initiatives ------------------------------------------------------------------------
    Check(api("GET", "initiatives/"), PUBLIC),
    Check(
        api("POST", "initiatives/create/"),
        by(403, anonymous=401, member_a=201, admin=201),
        data={"organisation": Ref("org_a"), "title": "Access table initiative"},
        label="for organisation A",
    ),
    Check(api("GET", "initiatives/mapping/countries/"), PUBLIC),
    Check(api("GET", "initiatives/mapping/regions/"), PUBLIC),
    Check(
        api("GET", "initiatives/{pk}/"),
        by(404, member_a=200, admin=200),
        args={"pk": "draft_a"},
        label="draft of A",
    ),
    Check(
        api("GET", "initiatives/{pk}/"),
        by(404, member_a=200, moderator=200, admin=200),
        args={"pk": "submitted_a"},
        label="submitted by A, region ECE",
    ),
    Check(
        api("GET", "initiatives/{pk}/"),
        by(404, member_b=200, moderator=200, regional_moderator=200, admin=200),
        args={"pk": "submitted_b"},
        label="submitted by B, region ECA",
    ),
    Check(api("GET", "initiatives/{pk}/"), PUBLIC, args={"pk": "published_a"}, label="published"),
    Check(
        api("PATCH", "initiatives/{pk}/update/"),
        by(404, anonymous=401, member_a=200, admin=200),
        args={"pk": "draft_a"},
        label="draft of A",
    ),
    Check(
        api("POST", "initiatives/{pk}/submit/"),
        by(404, anonymous=401, member_a=200, admin=200),
        args={"pk": "draft_a"},
        label="draft of A",
    ),
    Check(
        api("POST", "initiatives/{pk}/publish/"),
        by(404, anonymous=401, member_a=403, moderator=200, admin=200),
        args={"pk": "submitted_a"},
        label="submitted by A, region ECE",
    ),
    Check(
        api("POST", "initiatives/{pk}/publish/"),
        by(404, anonymous=401, member_b=403, moderator=200, regional_moderator=200, admin=200),
        args={"pk": "submitted_b"},
        label="submitted by B, region ECA",
    ),
    Check(
        api("POST", "initiatives/{pk}/request-changes/"),
        by(404, anonymous=401, member_a=403, moderator=200, admin=200),
        args={"pk": "submitted_a"},
        data={"reason": "More detail, please."},
        label="submitted by A, region ECE",
    ),
    Check(
        api("POST", "initiatives/{pk}/reject/"),
        by(404, anonymous=401, member_a=403, moderator=200, admin=200),
        args={"pk": "submitted_a"},
        data={"reason": "Off topic."},
        label="submitted by A, region ECE",
    ),
    Check(api("GET", "organisations/"), PUBLIC),
    Check(api("GET", "organisations/{pk}/"), PUBLIC, args={"pk": "org_a"}),
    Check(api("GET", "calls/"), PUBLIC),
    # --- plans ------------------------------------------------------------------------------
    Check(api("GET", "plans/"), PUBLIC),
    Check(
        api("POST", "plans/start/"),
        by(403, anonymous=401, coordinator_y=201, admin=201),
        data={"country": "KEN", "title": "National plan of Y", "form": "standalone"},
        label="country Y, without a plan",
    ),
    Check(api("GET", "plans/{alpha3}/"), PUBLIC, args=X),
    Check(
        api("POST", "plans/{alpha3}/publication/"),
        by(403, anonymous=401, coordinator_x=200, admin=200),
        args=X,
    ),
    Check(api("GET", "plans/{alpha3}/measures/"), PUBLIC, args=X),
    Check(
        api("POST", "plans/{alpha3}/measures/new/"),
        by(403, anonymous=401, focal_x=400, coordinator_x=400, admin=400),
        args=X,
    ),
    Check(api("GET", "plans/{alpha3}/measures/{number}/"), PUBLIC, args=MEASURE),
    Check(
        api("PATCH", "plans/{alpha3}/measures/{number}/edit/"),
        by(403, anonymous=401, focal_x=200, coordinator_x=200, admin=200),
        args=MEASURE,
        data={"version": Ref("measure_x_version"), "title": "Renamed measure"},
    ),
    Check(
        api("POST", "plans/{alpha3}/measures/{number}/budget-lines/"),
        PLAN_EDIT,
        args=MEASURE,
        data={
            "fiscal_year": 2025,
            "amount": "1000",
            "currency": "EUR",
            "source_type": "national_budget",
        },
    ),
    Check(
        api("POST", "plans/{alpha3}/measures/{number}/updates/"),
        # The coordinator, or a focal point of an entity responsible or involved.
        by(403, anonymous=401, focal_x=201, coordinator_x=201, admin=201),
        args=MEASURE,
        data={"reported_status": "in_progress", "progress": "More done."},
    ),
    Check(api("GET", "plans/{alpha3}/budget-lines/"), PLAN_UNPUBLISHED_PART, args=X),
    Check(api("GET", "plans/{alpha3}/budget/"), PLAN_UNPUBLISHED_PART, args=X),
    Check(api("GET", "plans/{alpha3}/indicators/"), PLAN_UNPUBLISHED_PART, args=X),
    Check(
        api("POST", "plans/{alpha3}/indicators/{code}/values/"),
        by(404, anonymous=401, focal_x=201, coordinator_x=201, admin=201),
        args={**X, "code": "indicator_x"},
        data={"period": "2022", "value": "3"},
        label="indicators unpublished",
        holes=dict.fromkeys(
            (
                "member_a",
                "member_b",
                "coordinator_y",
                "moderator",
                "regional_moderator",
                "organiser",
                "analyst",
            ),
            "a reader of the plan who may not see its indicators gets 403 for an indicator "
            "that exists and 404 for one that does not: the 403 confirms it exists",
        ),
    ),
    Check(
        api("POST", "plans/{alpha3}/values/{pk}/validate/"),
        by(404, anonymous=401, focal_x=403, coordinator_x=200, admin=200),
        args={**X, "pk": "value_x"},
        label="indicators unpublished",
    ),
    Check(api("GET", "plans/{alpha3}/checklist/"), PLAN_UNPUBLISHED_PART, args=X),
    Check(
        api("POST", "plans/{alpha3}/checklist/{item}/"),
        # The checklist items are public reference data and the plan is public: a 403.
        by(403, anonymous=401, focal_x=200, coordinator_x=200, admin=200),
        args={**X, "item": "checklist_item"},
        data={"step": 1, "status": "done"},
        label="process unpublished",
    ),
    Check(
        api("POST", "plans/{alpha3}/assessments/"),
        by(403, anonymous=401, focal_x=200, coordinator_x=200, admin=200),
        args=X,
        data={"objective": 1, **RUBRIC},
    ),
    Check(api("GET", "plans/{alpha3}/updates/"), PUBLIC, args=X, label="approved ones"),
    Check(
        api("POST", "plans/{alpha3}/updates/{pk}/approve/"),
        by(404, anonymous=401, focal_x=403, coordinator_x=200, admin=200),
        args={**X, "pk": "update_x"},
        label="pending update",
    ),
    Check(
        api("POST", "plans/{alpha3}/updates/{pk}/return/"),
        by(404, anonymous=401, focal_x=403, coordinator_x=200, admin=200),
        args={**X, "pk": "update_x"},
        data={"reason": "Add the sources."},
        label="pending update",
    ),
    # --- reviews ----------------------------------------------------------------------------
    Check(api("GET", "reviews/"), PUBLIC),
    Check(
        api("POST", "reviews/"),
        by(403, anonymous=401, organiser=201, admin=201),
        data={
            "code": "access-new-ece",
            "kind": "regional",
            "review_region": "ECE",
            "title": "Next regional review",
            "year_start": 2032,
            "year_end": 2033,
        },
        label="region ECE",
    ),
    Check(api("GET", "reviews/{code}/"), PUBLIC, args={"code": "cycle"}),
    Check(
        api("PATCH", "reviews/{code}/"),
        by(403, anonymous=401, organiser=200, admin=200),
        args={"code": "cycle"},
        label="region ECE",
    ),
    Check(
        api("PATCH", "reviews/{code}/"),
        by(403, anonymous=401, admin=200),
        args={"code": "cycle_eca"},
        label="region ECA",
    ),
    Check(api("GET", "submissions/"), PUBLIC),
    Check(
        api("POST", "submissions/"),
        by(403, anonymous=401, member_b=201, admin=201),
        data={
            "cycle": Ref("cycle"),
            "organisation": Ref("org_b"),
            "title": "Input of B",
            "summary": "Summary",
        },
        label="for organisation B",
    ),
    Check(
        api("GET", "submissions/{pk}/"),
        by(404, focal_x=200, coordinator_x=200, admin=200),
        args={"pk": "review_x"},
        label="draft review of X",
    ),
    Check(api("GET", "submissions/{pk}/"), PUBLIC, args={"pk": "input_a"}, label="submitted"),
    Check(
        api("GET", "submissions/{pk}/"),
        by(404, member_b=200, admin=200),
        args={"pk": "input_b"},
        label="draft input of B",
    ),
    Check(
        api("PATCH", "submissions/{pk}/"),
        by(404, anonymous=401, focal_x=403, coordinator_x=200, admin=200),
        args={"pk": "review_x"},
        label="draft review of X",
    ),
    Check(
        api("POST", "submissions/{pk}/submit/"),
        by(404, anonymous=401, focal_x=403, coordinator_x=200, admin=200),
        args={"pk": "review_x"},
        label="draft review of X",
    ),
    Check(
        api("POST", "submissions/{pk}/attachments/"),
        by(404, anonymous=401, focal_x=403, coordinator_x=201, admin=201),
        args={"pk": "review_x"},
        data={"file": Upload("review.pdf", b"%PDF-1.4\n%access table\n")},
        multipart=True,
        label="draft review of X",
    ),
    Check(api("GET", "pledges/"), PUBLIC),
    Check(
        api("POST", "pledges/"),
        by(403, anonymous=401, member_b=201, admin=201),
        data={
            "organisation": Ref("org_b"),
            "title": "Pledge of B",
            "description": "A pledge.",
            "pledge_type": "policy_oriented",
            "target": "A measurable target",
            "deadline": "2027-12-31",
            "objectives": [1],
        },
        label="for organisation B",
    ),
    Check(api("GET", "pledges/{pk}/"), PUBLIC, args={"pk": "pledge_a"}),
    Check(
        api("PATCH", "pledges/{pk}/"),
        by(403, anonymous=401, member_a=200, admin=200),
        args={"pk": "pledge_a"},
        label="pledge of A",
    ),
    Check(
        api("PATCH", "pledges/{pk}/"),
        by(403, anonymous=401, focal_x=200, coordinator_x=200, admin=200),
        args={"pk": "pledge_x"},
        label="pledge of X",
    ),
    Check(
        api("POST", "pledges/{pk}/updates/"),
        by(403, anonymous=401, member_a=201, admin=201),
        args={"pk": "pledge_a"},
        data={"status": "in_progress", "note": "Under way."},
        label="pledge of A",
    ),
    Check(api("GET", "reports/"), SIGNED_IN, label="one's own"),
    Check(api("POST", "reports/"), by(400, anonymous=401)),
    Check(api("GET", "reports/bulk/"), PUBLIC),
    Check(
        api("GET", "reports/{pk}/"),
        by(404, anonymous=401, member_a=200),
        args={"pk": "job_a"},
        label="requested by member A",
    ),
    Check(
        api("GET", "reports/{pk}/files/{file_id}/"),
        by(404, member_a=200),
        args={"pk": "job_a", "file_id": "job_file_a"},
        label="requested by member A",
    ),
    Check(
        api("GET", "reports/{pk}/files/{file_id}/"),
        PUBLIC,
        args={"pk": "bulk_job", "file_id": "bulk_file"},
        label="public bulk export",
    ),
]
