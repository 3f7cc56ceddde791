"""The reference-data loader: reads fixtures/reference/*.json and upserts every row.

Idempotent: a second run changes nothing; a changed source row updates its database row.
Rows are matched on their natural key (objective number, country alpha-3, ...).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils.text import capfirst

from countries.models import (
    CommissionMembership,
    Country,
    CountryDesignation,
    M49Region,
    M49SubRegion,
    ReviewRegion,
)

from . import models as m

REFERENCE_DIR = Path(settings.BASE_DIR) / "fixtures" / "reference"

Counts = dict[str, int]


def _read(name: str) -> dict[str, Any]:
    with (REFERENCE_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


class _Upserter:
    """Counts created / updated / unchanged rows per model while upserting."""

    def __init__(self) -> None:
        self.report: dict[str, Counts] = defaultdict(
            lambda: {"created": 0, "updated": 0, "unchanged": 0}
        )

    def upsert(
        self, model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]
    ) -> Any:
        counts = self.report[capfirst(str(model._meta.verbose_name_plural))]
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean()
            obj.save()
            counts["created"] += 1
            return obj
        changed = [k for k, v in values.items() if getattr(obj, k) != v]
        if changed:
            for key in changed:
                setattr(obj, key, values[key])
            obj.full_clean()
            obj.save(update_fields=changed)
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
        return obj

    def set_m2m(self, manager: Any, wanted: Iterable[models.Model]) -> None:
        wanted_ids = {o.pk for o in wanted}
        current = set(manager.values_list("pk", flat=True))
        if current != wanted_ids:
            manager.set(list(wanted_ids))


@transaction.atomic
def load_reference_data() -> dict[str, Counts]:
    """Load every reference file; returns per-model counts of created/updated/unchanged rows."""
    up = _Upserter()
    objectives = _load_objectives(up)
    _load_principles(up)
    _load_thematic_areas(up, objectives)
    _load_groupings(up, objectives)
    _load_sdg(up, objectives)
    _load_process(up)
    _load_vocabularies(up)
    _load_countries(up)
    _load_designations(up)
    return dict(up.report)


def _load_objectives(up: _Upserter) -> dict[int, m.Objective]:
    data = _read("objectives.json")
    objectives: dict[int, m.Objective] = {}
    for row in data["objectives"]:
        objectives[row["number"]] = up.upsert(
            m.Objective,
            {"number": row["number"]},
            {
                "title": row["title"],
                "short_label": row["short_label"],
                "paragraph": row["paragraph"],
                "description": row.get("description", ""),
                "description_source": row.get("description_source", "")[:255],
            },
        )
    for row in data["actions"]:
        up.upsert(
            m.ObjectiveAction,
            {"objective": objectives[row["objective"]], "letter": row["letter"]},
            {"text": row.get("text", ""), "source": row.get("source", "")[:255]},
        )
    return objectives


def _load_principles(up: _Upserter) -> None:
    for row in _read("principles.json")["principles"]:
        up.upsert(
            m.GuidingPrinciple,
            {"letter": row["letter"]},
            {
                "order": row["order"],
                "name": row["name"],
                "definition": row.get("definition", ""),
                "source": row.get("source", "")[:255],
                "has_approach_guidance": row.get("has_approach_guidance", False),
            },
        )


def _load_thematic_areas(up: _Upserter, objectives: dict[int, m.Objective]) -> None:
    for row in _read("thematic_areas.json")["thematic_areas"]:
        area = up.upsert(
            m.ThematicArea, {"number": row["number"]}, {"code": row["code"], "name": row["name"]}
        )
        up.set_m2m(area.objectives, [objectives[n] for n in row["objectives"]])


def _load_groupings(up: _Upserter, objectives: dict[int, m.Objective]) -> None:
    for row in _read("review_groupings.json")["groupings"]:
        grouping = up.upsert(
            m.ReviewGrouping,
            {"cycle": row["cycle"], "code": row["code"]},
            {"number": row["number"], "name": row["name"]},
        )
        up.set_m2m(grouping.objectives, [objectives[n] for n in row["objectives"]])


def _load_sdg(up: _Upserter, objectives: dict[int, m.Objective]) -> None:
    data = _read("sdg.json")
    goals = {
        row["number"]: up.upsert(m.SDGGoal, {"number": row["number"]}, {"title": row["title"]})
        for row in data["goals"]
    }
    keep: set[int] = set()
    for row in data["targets"]:
        target = up.upsert(
            m.SDGTarget, {"code": row["code"]}, {"goal": goals[row["goal"]], "text": row["text"]}
        )
        for number in row.get("objectives", []):
            link = up.upsert(
                m.ObjectiveSDGLink,
                {"objective": objectives[number], "target": target},
                {"source": row.get("link_source", "")[:255]},
            )
            keep.add(link.pk)
    # a link no source supports any more is removed
    m.ObjectiveSDGLink.objects.exclude(pk__in=keep).delete()


def _load_process(up: _Upserter) -> None:
    data = _read("process.json")
    steps = {
        row["number"]: up.upsert(
            m.ProcessStep,
            {"number": row["number"]},
            {"name": row["name"], "purpose": row.get("purpose", "")},
        )
        for row in data["steps"]
    }
    for row in data["actions"]:
        up.upsert(
            m.StepAction,
            {"step": steps[row["step"]], "number": row["number"]},
            {"name": row["name"], "description": row.get("description", "")},
        )
    for row in data["questions"]:
        up.upsert(
            m.GuidingQuestion,
            {"step": steps[row["step"]], "order": row["order"]},
            {"text": row["text"]},
        )
    for row in data["checklist"]:
        up.upsert(
            m.ChecklistItem,
            {"step": steps[row["step"]], "order": row["order"]},
            {"text": row["text"], "is_ongoing": row["is_ongoing"]},
        )
    for row in data["tools"]:
        tool = up.upsert(
            m.Tool,
            {"number": row["number"]},
            {"name": row["name"], "step": steps[row["step"]], "kind": row["kind"]},
        )
        for item in row.get("items", []):
            up.upsert(
                m.ToolItem,
                {"tool": tool, "order": item["order"]},
                {"section": item.get("section", ""), "text": item["text"]},
            )


_VOCABULARIES: dict[str, tuple[type[m.ReferenceTerm], tuple[str, ...]]] = {
    "stakeholder_categories": (m.StakeholderCategory, ("is_governmental",)),
    "organisation_types": (m.OrganisationType, ()),
    "government_levels": (m.GovernmentLevel, ()),
    "constituencies": (m.Constituency, ()),
    "activity_types": (m.ActivityType, ()),
    "disaggregation_dimensions": (m.DisaggregationDimension, ("is_core",)),
}


def _load_vocabularies(up: _Upserter) -> None:
    data = _read("vocabularies.json")
    for key, (model, extra_fields) in _VOCABULARIES.items():
        for index, row in enumerate(data.get(key, []), start=1):
            values: dict[str, Any] = {
                "name": row["name"],
                "description": row.get("description", ""),
                "order": row.get("order", index),
            }
            for field in extra_fields:
                # "core" is the fixture's spelling of is_core
                values[field] = bool(row.get(field, row.get(field.removeprefix("is_"), False)))
            up.upsert(model, {"code": row["code"]}, values)


def _load_countries(up: _Upserter) -> None:
    data = _read("countries.json")
    regions = {
        row["code"]: up.upsert(M49Region, {"code": row["code"]}, {"name": row["name"]})
        for row in data["m49_regions"]
    }
    subregions = {
        row["code"]: up.upsert(
            M49SubRegion,
            {"code": row["code"]},
            {"name": row["name"], "region": regions[row["region"]]},
        )
        for row in data["m49_subregions"]
    }
    review_regions = {
        row["code"]: up.upsert(ReviewRegion, {"code": row["code"]}, {"name": row["name"]})
        for row in data["review_regions"]
    }
    wanted: dict[int, dict[str, bool]] = {}
    for row in data["countries"]:
        country = up.upsert(
            Country,
            {"alpha3": row["alpha3"]},
            {
                "alpha2": row["alpha2"],
                "numeric": row["numeric"],
                "name": row["name"],
                "official_name": row.get("official_name", ""),
                "un_status": row["un_status"],
                "m49_region": regions[row["m49_region"]],
                "m49_subregion": subregions[row["m49_subregion"]],
            },
        )
        wanted[country.pk] = dict.fromkeys(row["review_regions"], True)
    by_alpha3 = {c.alpha3: c for c in Country.objects.all()}
    for row in data["review_regions"]:
        for alpha3 in row.get("non_regional_members", []):
            wanted[by_alpha3[alpha3].pk][row["code"]] = False
    _load_memberships(up, data["review_regions"], review_regions, wanted)


def _load_memberships(
    up: _Upserter,
    rows: list[dict[str, Any]],
    review_regions: dict[str, ReviewRegion],
    wanted: dict[int, dict[str, bool]],
) -> None:
    """Upsert each commission membership (regional or not) with its source; drop stale ones."""
    meta = {row["code"]: row for row in rows}
    keep: set[int] = set()
    for country_id, codes in wanted.items():
        for code, is_regional in codes.items():
            membership = up.upsert(
                CommissionMembership,
                {"country_id": country_id, "review_region": review_regions[code]},
                {
                    "is_regional": is_regional,
                    "source": meta[code].get("membership_source", "")[:255],
                    "as_of": _optional_date(meta[code].get("membership_as_of")),
                },
            )
            keep.add(membership.pk)
    CommissionMembership.objects.exclude(pk__in=keep).delete()


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _load_designations(up: _Upserter) -> None:
    countries = {c.alpha3: c for c in Country.objects.all()}
    for row in _read("designations.json")["designations"]:
        up.upsert(
            CountryDesignation,
            {
                "country": countries[row["country_alpha3"]],
                "designation": row["designation"],
                "as_of": date.fromisoformat(row["as_of"]),
            },
            {"source": row["source"][:255]},
        )
