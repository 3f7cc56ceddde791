"""Writes of review cycles, and the loader of the shipped calendar (fixtures/reviews)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import ForbiddenError, full_clean_or_raise
from core.services import apply_fields
from countries.models import ReviewRegion

from ..models import ReviewCycle
from ..permissions import can_manage_cycle, may_create_cycle_for_region

CYCLES_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "reviews" / "cycles.json"

CYCLE_FIELDS = (
    "code",
    "kind",
    "review_region",
    "title",
    "year_start",
    "year_end",
    "starts_on",
    "ends_on",
    "venue",
    "organisers",
    "co_facilitators",
    "submissions_open_on",
    "submissions_close_on",
    "grouping_cycle",
    "outcome_reference",
    "outcome_url",
    "outcome_commitments",
    "outcome_adopted_on",
    "related_events",
    "source",
)


def _apply(cycle: ReviewCycle, data: dict[str, Any], *, actor: Any = None) -> list[str]:
    """Set the given fields (the region as an instance or an id); returns those changed."""
    data = dict(data)
    if "review_region" in data:
        region = data.pop("review_region")
        data["review_region_id"] = region.pk if isinstance(region, ReviewRegion) else region
    allowed = [f if f != "review_region" else "review_region_id" for f in CYCLE_FIELDS]
    return apply_fields(cycle, data, allowed=allowed, actor=actor)


@transaction.atomic
def create_cycle(*, actor: Any, **data: Any) -> ReviewCycle:
    """Open a review cycle. Review organisers only in their region; administrators anywhere."""
    region = data.get("review_region")
    region_id = region.pk if isinstance(region, ReviewRegion) else region
    if not may_create_cycle_for_region(actor, region_id):
        raise ForbiddenError(
            _("You may only manage review cycles of your own review region."),
            field="review_region",
        )
    cycle = ReviewCycle()
    _apply(cycle, data, actor=actor)
    full_clean_or_raise(cycle)
    cycle.save()
    return cycle


@transaction.atomic
def update_cycle(*, actor: Any, cycle: ReviewCycle, **data: Any) -> ReviewCycle:
    """Change a cycle's dates, venue, organisers, window or outcome."""
    cycle = ReviewCycle.objects.select_for_update().get(pk=cycle.pk)
    if not can_manage_cycle(actor, cycle):
        raise ForbiddenError(
            _("You may only manage review cycles of your own review region."),
        )
    if "review_region" in data or "kind" in data:
        new_region = data.get("review_region", cycle.review_region_id)
        new_region_id = new_region.pk if isinstance(new_region, ReviewRegion) else new_region
        if not may_create_cycle_for_region(actor, new_region_id):
            raise ForbiddenError(
                _("You may only manage review cycles of your own review region."),
                field="review_region",
            )
    changed = _apply(cycle, data, actor=actor)
    if changed:
        full_clean_or_raise(cycle)
        cycle.save(update_fields=[*changed, "updated_at"])
    return cycle


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_review_cycles(*, path: Path = CYCLES_FIXTURE, update: bool = False) -> dict[str, int]:
    """Load the shipped past and scheduled cycles; idempotent (matched on ``code``).

    Existing cycles are left as organisers edited them unless ``update`` is true.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    regions = {r.code: r for r in ReviewRegion.objects.all()}
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for row in data["cycles"]:
        values: dict[str, Any] = {k: v for k, v in row.items() if k != "code"}
        region_code = values.pop("review_region")
        values["review_region"] = regions[region_code] if region_code else None
        for key in (
            "starts_on",
            "ends_on",
            "submissions_open_on",
            "submissions_close_on",
            "outcome_adopted_on",
        ):
            values[key] = _date(values.get(key))
        values.setdefault("source", data.get("source", "")[:255])
        cycle = ReviewCycle.objects.filter(code=row["code"]).first()
        if cycle is None:
            cycle = ReviewCycle(code=row["code"])
            _apply(cycle, values)
            full_clean_or_raise(cycle)
            cycle.save()
            counts["created"] += 1
        elif update and (changed := _apply(cycle, values)):
            full_clean_or_raise(cycle)
            cycle.save(update_fields=[*changed, "updated_at"])
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts
