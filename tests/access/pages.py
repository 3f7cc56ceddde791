"""The access table of the pages."""

from __future__ import annotations

from .table import LOGIN, SIGNED_IN_ROLES, Check, Fmt, Lit, Ref, Upload, by

PUBLIC = by(200)
SIGNED_IN = by(200, anonymous=LOGIN)
MODERATOR = by(403, anonymous=LOGIN, moderator=200, regional_moderator=200, admin=200)
# A non-member is sent to the page where one asks to join an organisation.
MEMBER = by(302, anonymous=LOGIN, member_a=200, member_b=200, admin=200)
MEMBER_WRITE = by(302, anonymous=LOGIN, member_a=400, member_b=400, admin=400)
CYCLE_ORGANISER = by(403, anonymous=LOGIN, organiser=200, admin=200)

PDF = b"%PDF-1.4\n%access table\n"
CALL = {"title": "Call on objective 7", "opens_on": "2026-01-01", "deadline": "2026-12-31"}
RETURN_IT = {"reason": "More detail, please."}
NEW_CYCLE = {
    "code": "access-new-ece",
    "kind": "regional",
    "review_region": Ref("ece_pk"),
    "title": "Next regional review",
    "year_start": 2032,
    "year_end": 2033,
}
SUBMISSION_TEXT = {"title": "Input of A", "summary": "What we did."}
PLEDGE = {
    "title": "Pledge of A",
    "description": "A pledge.",
    "pledge_type": "policy_oriented",
    "form": "individual",
    "target": "A measurable target",
    "deadline": "2027-12-31",
    "objectives": [1],
}
MODERATOR_DONE = by(403, anonymous=LOGIN, moderator=302, regional_moderator=302, admin=302)
# Known holes (strict xfails: the entry must change when they are fixed).
OTHERS_ENTITY = (
    "the form offers only the user's own entities, so another's is an invalid choice (400); "
    "the API answers the same request 403"
)
SUBMISSION_AUTHOR = by(
    403, anonymous=LOGIN, member_a=200, member_b=200, coordinator_x=200, coordinator_y=200
)
PLEDGER = by(
    403,
    anonymous=LOGIN,
    member_a=200,
    member_b=200,
    focal_x=200,
    coordinator_x=200,
    coordinator_y=200,
)

PAGES: list[Check] = [
    # --- site, reference, countries ---------------------------------------------------------
    Check("core:home", PUBLIC),
    Check("core:about", PUBLIC),
    Check("core:health", PUBLIC),
    Check("core:health-live", PUBLIC),
    Check("core:health-ready", PUBLIC),
    Check("objectives:objective-list", PUBLIC),
    Check("objectives:objective-detail", PUBLIC, args={"number": 6}),
    Check("objectives:principle-list", PUBLIC),
    Check("objectives:process", PUBLIC),
    Check("countries:country-list", PUBLIC),
    Check("countries:country-detail", PUBLIC, args={"alpha3": "x"}),
    Check("set_language", by(302), method="POST", data={"language": "fr", "next": "/"}),
    # The Django admin: staff only; everyone else is sent to its login page.
    Check("admin:*", by(LOGIN, admin=200), route="admin:index"),
    # --- accounts ---------------------------------------------------------------------------
    # A signed-in user is sent on from the login page.
    Check("accounts:login", by(302, anonymous=200)),
    Check("accounts:login", by(302, anonymous=200), method="POST"),
    Check("accounts:logout", by(302), method="POST"),
    Check("accounts:password_reset", PUBLIC),
    Check("accounts:password_reset", PUBLIC, method="POST"),
    Check("accounts:password_reset_done", PUBLIC),
    Check(
        "accounts:password_reset_confirm",
        PUBLIC,
        args={"uidb64": Lit("MQ"), "token": Lit("bad-token")},
        label="invalid link",
    ),
    Check("accounts:password_reset_complete", PUBLIC),
    Check("accounts:account", SIGNED_IN),
    Check("accounts:token-create", by(400, anonymous=LOGIN), method="POST"),
    Check(
        "accounts:token-revoke",
        by(404, anonymous=LOGIN, member_a=302),
        method="POST",
        args={"token_id": "token_a"},
        label="token of member A",
    ),
    # --- initiatives ------------------------------------------------------------------------
    Check("initiatives:list", PUBLIC),
    Check("initiatives:new", MEMBER),
    Check("initiatives:new", MEMBER_WRITE, method="POST"),
    Check("initiatives:mine", MEMBER),
    Check("initiatives:moderation", MODERATOR),
    Check("initiatives:mapping", PUBLIC),
    Check("initiatives:export-csv", PUBLIC),
    Check("initiatives:export-xlsx", PUBLIC),
    Check("initiatives:import", MODERATOR),
    Check(
        "initiatives:import",
        by(403, anonymous=LOGIN, moderator=400, regional_moderator=400, admin=400),
        method="POST",
        data={"file": Upload("import.csv", b"title\n"), "dry_run": "on"},
        label="a file without rows",
    ),
    # Anyone may ask to join an organisation (an anonymous visitor registers on the way).
    Check("initiatives:join", PUBLIC),
    Check("initiatives:join", by(400), method="POST"),
    Check("initiatives:join-done", PUBLIC),
    Check(
        "initiatives:membership-decide",
        by(403, anonymous=LOGIN, moderator=302, regional_moderator=403, admin=302),
        method="POST",
        args={"pk": "membership_request"},
        label="request to join A (Portugal)",
    ),
    Check("initiatives:call-list", PUBLIC),
    Check("initiatives:call-new", MODERATOR),
    Check("initiatives:call-new", MODERATOR_DONE, method="POST", data=CALL),
    Check("initiatives:call-detail", PUBLIC, args={"pk": "call"}),
    Check("initiatives:call-edit", MODERATOR, args={"pk": "call"}),
    Check("initiatives:call-edit", MODERATOR_DONE, method="POST", args={"pk": "call"}, data=CALL),
    Check(
        "initiatives:detail",
        by(404, member_a=200, admin=200),
        args={"pk": "draft_a"},
        label="draft of A",
    ),
    Check(
        "initiatives:detail",
        by(404, member_a=200, moderator=200, admin=200),
        args={"pk": "submitted_a"},
        label="submitted by A, region ECE",
    ),
    Check(
        "initiatives:detail",
        by(404, member_b=200, moderator=200, regional_moderator=200, admin=200),
        args={"pk": "submitted_b"},
        label="submitted by B, region ECA",
    ),
    Check("initiatives:detail", PUBLIC, args={"pk": "published_a"}, label="published by A"),
    Check(
        "initiatives:edit",
        by(404, anonymous=LOGIN, member_a=200, admin=200),
        args={"pk": "draft_a", "step": Lit("basics")},
    ),
    Check(
        "initiatives:edit",
        by(404, anonymous=LOGIN, member_a=400, admin=400),
        method="POST",
        args={"pk": "draft_a", "step": Lit("basics")},
    ),
    Check(
        "initiatives:revise",
        by(403, anonymous=LOGIN, member_a=302, admin=302),
        method="POST",
        args={"pk": "published_a"},
    ),
    Check(
        "initiatives:submit",
        by(404, anonymous=LOGIN, member_a=302, admin=302),
        method="POST",
        args={"pk": "draft_a"},
    ),
    Check(
        "initiatives:delete",
        by(404, anonymous=LOGIN, member_a=302, admin=302),
        method="POST",
        args={"pk": "draft_a"},
    ),
    Check(
        "initiatives:publish",
        by(404, anonymous=LOGIN, member_a=403, moderator=302, admin=302),
        method="POST",
        args={"pk": "submitted_a"},
        data=RETURN_IT,
        label="submitted by A, region ECE",
    ),
    Check(
        "initiatives:publish",
        by(404, anonymous=LOGIN, member_b=403, moderator=302, regional_moderator=302, admin=302),
        method="POST",
        args={"pk": "submitted_b"},
        data=RETURN_IT,
        label="submitted by B, region ECA",
    ),
    Check(
        "initiatives:request-changes",
        by(404, anonymous=LOGIN, member_a=403, moderator=302, admin=302),
        method="POST",
        args={"pk": "submitted_a"},
        data=RETURN_IT,
        label="submitted by A, region ECE",
    ),
    Check(
        "initiatives:request-changes",
        by(404, anonymous=LOGIN, member_b=403, moderator=302, regional_moderator=302, admin=302),
        method="POST",
        args={"pk": "submitted_b"},
        data=RETURN_IT,
        label="submitted by B, region ECA",
    ),
    Check(
        "initiatives:reject",
        by(404, anonymous=LOGIN, member_a=403, moderator=302, admin=302),
        method="POST",
        args={"pk": "submitted_a"},
        data=RETURN_IT,
        label="submitted by A, region ECE",
    ),
    Check(
        "initiatives:reject",
        by(404, anonymous=LOGIN, member_b=403, moderator=302, regional_moderator=302, admin=302),
        method="POST",
        args={"pk": "submitted_b"},
        data=RETURN_IT,
        label="submitted by B, region ECA",
    ),
    Check(
        "initiatives:evidence-delete",
        by(404, anonymous=LOGIN, member_a=302, admin=302),
        method="POST",
        args={"pk": "draft_a", "evidence_pk": "evidence_a"},
    ),
    # --- reviews ----------------------------------------------------------------------------
    Check("reviews:cycle-list", PUBLIC),
    Check("reviews:cycle-create", CYCLE_ORGANISER),
    Check(
        "reviews:cycle-create",
        by(403, anonymous=LOGIN, organiser=302, admin=302),
        method="POST",
        data=NEW_CYCLE,
        label="region ECE",
        holes=dict.fromkeys(
            (
                "member_a",
                "member_b",
                "focal_x",
                "coordinator_x",
                "coordinator_y",
                "moderator",
                "regional_moderator",
                "analyst",
            ),
            "the form offers only the regions the user organises, so another region is an "
            "invalid choice (400); the API answers the same request 403",
        ),
    ),
    Check("reviews:cycle-detail", PUBLIC, args={"code": "cycle"}),
    Check("reviews:cycle-edit", CYCLE_ORGANISER, args={"code": "cycle"}, label="region ECE"),
    Check(
        "reviews:cycle-edit",
        by(403, anonymous=LOGIN, admin=200),
        args={"code": "cycle_eca"},
        label="region ECA",
    ),
    Check(
        "reviews:cycle-edit",
        by(403, anonymous=LOGIN, organiser=302, admin=302),
        method="POST",
        args={"code": "cycle"},
        data={**NEW_CYCLE, "code": Ref("cycle")},
        label="region ECE",
    ),
    # Authors: coordinators for their country, members for their organisation.
    Check("reviews:submission-create", SUBMISSION_AUTHOR, args={"code": "cycle"}),
    Check(
        "reviews:submission-create",
        by(403, anonymous=LOGIN, member_a=302),
        method="POST",
        args={"code": "cycle"},
        data={"author": Fmt("organisation:{org_a}"), **SUBMISSION_TEXT},
        label="for organisation A",
        holes=dict.fromkeys(SIGNED_IN_ROLES[1:], OTHERS_ENTITY),
    ),
    Check(
        "reviews:submission-detail",
        by(404, focal_x=200, coordinator_x=200, admin=200),
        args={"pk": "review_x"},
        label="draft review of X",
    ),
    Check("reviews:submission-detail", PUBLIC, args={"pk": "input_a"}, label="submitted"),
    Check(
        "reviews:submission-detail",
        by(404, member_b=200, admin=200),
        args={"pk": "input_b"},
        label="draft input of B",
    ),
    Check(
        "reviews:submission-edit",
        by(404, anonymous=LOGIN, member_b=200, admin=200),
        args={"pk": "input_b"},
        label="draft input of B",
    ),
    Check(
        "reviews:submission-edit",
        by(404, anonymous=LOGIN, focal_x=403, coordinator_x=200, admin=200),
        args={"pk": "review_x"},
    ),
    Check(
        "reviews:submission-edit",
        by(404, anonymous=LOGIN, focal_x=403, coordinator_x=302, admin=302),
        method="POST",
        args={"pk": "review_x"},
        data=SUBMISSION_TEXT,
    ),
    Check(
        "reviews:submission-submit",
        by(404, anonymous=LOGIN, focal_x=403, coordinator_x=302, admin=302),
        method="POST",
        args={"pk": "review_x"},
    ),
    Check(
        "reviews:submission-attach",
        by(404, anonymous=LOGIN, focal_x=403, coordinator_x=302, admin=302),
        method="POST",
        args={"pk": "review_x"},
        data={"file": Upload("review.pdf", PDF)},
    ),
    Check("reviews:pledge-dashboard", PUBLIC),
    # Pledges are made for a country (its government roles) or an organisation (its members).
    Check("reviews:pledge-create", PLEDGER),
    Check(
        "reviews:pledge-create",
        by(403, anonymous=LOGIN, member_a=302),
        method="POST",
        data={"entity": Fmt("organisation:{org_a}"), **PLEDGE},
        label="for organisation A",
        holes=dict.fromkeys(SIGNED_IN_ROLES[1:], OTHERS_ENTITY),
    ),
    Check("reviews:pledge-detail", PUBLIC, args={"pk": "pledge_a"}),
    Check(
        "reviews:pledge-edit",
        by(403, anonymous=LOGIN, member_a=200, admin=200),
        args={"pk": "pledge_a"},
        label="pledge of A",
    ),
    Check(
        "reviews:pledge-edit",
        by(403, anonymous=LOGIN, focal_x=200, coordinator_x=200, admin=200),
        args={"pk": "pledge_x"},
        label="pledge of X",
    ),
    Check(
        "reviews:pledge-edit",
        by(403, anonymous=LOGIN, member_a=302, admin=302),
        method="POST",
        args={"pk": "pledge_a"},
        data=PLEDGE,
        label="pledge of A",
    ),
    Check(
        "reviews:pledge-status",
        by(403, anonymous=LOGIN, member_a=302, admin=302),
        method="POST",
        args={"pk": "pledge_a"},
        data={"status": "in_progress", "note": "Under way."},
        label="pledge of A",
    ),
    # Reports: a user sees the reports they requested, nobody else's.
    Check("reports:report-list", SIGNED_IN),
    Check("reports:report-request", by(400, anonymous=LOGIN), method="POST"),
    Check(
        "reports:report-detail",
        by(404, anonymous=LOGIN, member_a=200),
        args={"pk": "job_a"},
        label="requested by member A",
    ),
    Check("reports:bulk-downloads", PUBLIC),
    Check("reports:bulk-download", PUBLIC, args={"name": Lit("initiatives.csv")}),
]
