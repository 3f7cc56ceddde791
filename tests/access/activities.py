"""The access table of the activities (pages and API), and their records in the world.

Moderators and administrators curate activities; a moderator limited to region ECA changes
only activities of that region's countries. Everyone reads published activities.
"""

from __future__ import annotations

from typing import Any

from .table import LOGIN, Check, Ref, api, by

PUBLIC = by(200)
CURATOR = by(403, anonymous=LOGIN, moderator=200, regional_moderator=200, admin=200)
CURATOR_WRITE = by(403, anonymous=LOGIN, moderator=400, regional_moderator=400, admin=400)
ACTIVITY_X = {"pk": "activity_x"}  # published, in Portugal (region ECE)
ACTIVITY_Y = {"pk": "activity_y"}  # unpublished, in Kenya (region ECA)
# A valid activity: the region check is in the service, after the form.
NEW_ACTIVITY = {
    "kind": "meeting",
    "description": "A national consultation on the GCM",
    "source_document": "other",
    "source_reference": "Access table, p. 1",
}
NEW_ACTIVITY_FORM = {**NEW_ACTIVITY, "order": 1, "country": Ref("country_x_pk")}


def build(world: Any) -> None:
    """Add activity X (published, Portugal) and activity Y (unpublished, Kenya)."""
    from tests.activities.factories import make_activity

    world.ids["activity_x"] = make_activity("PRT", published=True).pk
    world.ids["activity_y"] = make_activity("KEN", published=False).pk


ACTIVITIES: list[Check] = [
    Check("activities:list", PUBLIC),
    Check("activities:export-csv", PUBLIC),
    Check("activities:export-xlsx", PUBLIC),
    Check("activities:annex-csv", PUBLIC),
    Check("activities:mapping", PUBLIC),
    Check("activities:create", CURATOR),
    Check(
        "activities:create",
        by(403, anonymous=LOGIN, moderator=302, admin=302),
        method="POST",
        data=NEW_ACTIVITY_FORM,
        label="in Portugal (ECE)",
    ),
    Check("activities:import", CURATOR),
    Check("activities:import", CURATOR_WRITE, method="POST"),
    Check("activities:detail", PUBLIC, args=ACTIVITY_X, label="published, region ECE"),
    Check(
        "activities:detail",
        by(404, moderator=200, regional_moderator=200, admin=200),
        args=ACTIVITY_Y,
        label="unpublished, region ECA",
    ),
    Check(
        "activities:edit",
        by(403, anonymous=LOGIN, moderator=200, admin=200),
        args=ACTIVITY_X,
        label="region ECE",
    ),
    Check(
        "activities:edit",
        by(403, anonymous=LOGIN, moderator=302, admin=302),
        method="POST",
        args=ACTIVITY_X,
        data=NEW_ACTIVITY_FORM,
        label="region ECE",
    ),
    Check("activities:edit", CURATOR, args=ACTIVITY_Y, label="region ECA"),
    Check(
        "activities:publish",
        by(404, anonymous=LOGIN, moderator=302, regional_moderator=302, admin=302),
        method="POST",
        args=ACTIVITY_Y,
        label="unpublished, region ECA",
    ),
    Check(
        "activities:withdraw",
        by(403, anonymous=LOGIN, moderator=302, admin=302),
        method="POST",
        args=ACTIVITY_X,
        label="published, region ECE",
    ),
    Check(api("GET", "activities/"), PUBLIC),
    Check(
        api("POST", "activities/create/"),
        by(403, anonymous=401, moderator=201, admin=201),
        data={**NEW_ACTIVITY, "country": "PRT"},
        label="in Portugal (ECE)",
    ),
    Check(api("GET", "activities/{pk}/"), PUBLIC, args=ACTIVITY_X, label="published"),
    Check(
        api("GET", "activities/{pk}/"),
        by(404, moderator=200, regional_moderator=200, admin=200),
        args=ACTIVITY_Y,
        label="unpublished, region ECA",
    ),
    Check(
        api("PATCH", "activities/{pk}/update/"),
        by(403, anonymous=401, moderator=200, admin=200),
        args=ACTIVITY_X,
        label="published, region ECE",
    ),
    Check(
        api("PATCH", "activities/{pk}/update/"),
        by(404, anonymous=401, moderator=200, regional_moderator=200, admin=200),
        args=ACTIVITY_Y,
        label="unpublished, region ECA",
    ),
    Check(
        api("POST", "activities/{pk}/publication/"),
        by(403, anonymous=401, moderator=200, admin=200),
        args=ACTIVITY_X,
        data={"published": False},
        label="published, region ECE",
    ),
]
