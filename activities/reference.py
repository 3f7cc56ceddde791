"""Load the seeds' national implementation activities from fixtures/activities/*.json.

Reference data, not demo data: every row is transcribed from a source document (seed 000's
Annex 2, seed 004's country examples) and carries its source. Idempotent: rows are matched on
``key``; a changed fixture row updates its database row, an unchanged one is left alone.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from countries.models import Country
from objectives.models import Objective, ThematicArea

from .models import NationalActivity

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures" / "activities"
# Each fixture and the key prefix its rows own: a row with that prefix that the fixture no
# longer holds is removed by the loader (activities recorded by moderators have other keys).
FIXTURES = {"mmc_2019_annex.json": "mmc2019-", "sg_report_2020.json": "sg2020-"}

Counts = dict[str, int]

_FIELDS = (
    "place",
    "regional_scope",
    "kind",
    "type_of_action",
    "initiator_type",
    "initiator",
    "description",
    "condensed",
    "date_text",
    "year",
    "predates_gcm",
    "source_reference",
    "info_source",
    "annex_region",
    "annex_row",
    "order",
    "note",
)


def read_fixture(name: str) -> dict[str, Any]:
    with (FIXTURE_DIR / name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _values(
    row: dict[str, Any],
    source_document: str,
    countries: dict[str, Country],
    areas: dict[str, ThematicArea],
) -> dict[str, Any]:
    values = {
        name: row.get(name, "" if name not in ("year", "annex_row") else None) for name in _FIELDS
    }
    values["place"] = row.get("country_label", row.get("place", ""))
    values["regional_scope"] = bool(row.get("regional_scope", False))
    values["condensed"] = bool(row.get("condensed", False))
    values["predates_gcm"] = bool(row.get("predates_gcm", False))
    values["annex_region"] = row.get("annex_region", "")
    values["order"] = row.get("order", 0)
    values["country"] = countries[row["country"]] if row.get("country") else None
    values["thematic_area"] = areas[row["thematic_area"]] if row.get("thematic_area") else None
    values["date"] = dt.date.fromisoformat(row["date"]) if row.get("date") else None
    values["source_document"] = source_document
    values["published"] = True
    return values


@transaction.atomic
def load_activities() -> dict[str, Counts]:
    """Upsert every fixture row; returns created / updated / unchanged / deleted counts."""
    counts = {"created": 0, "updated": 0, "unchanged": 0, "deleted": 0}
    countries = {c.alpha3: c for c in Country.objects.all()}
    areas = {a.code: a for a in ThematicArea.objects.all()}
    objectives = {o.number: o for o in Objective.objects.all()}
    existing = {a.key: a for a in NationalActivity.objects.prefetch_related("objectives").all()}
    for name, prefix in FIXTURES.items():
        data = read_fixture(name)
        keys = {row["key"] for row in data["activities"]}
        stale = NationalActivity.objects.filter(key__startswith=prefix).exclude(key__in=keys)
        counts["deleted"] += stale.delete()[1].get(NationalActivity._meta.label, 0)
        for row in data["activities"]:
            values = _values(row, data["source_document"], countries, areas)
            wanted = {objectives[n].pk for n in row.get("objectives", [])}
            activity = existing.get(row["key"])
            if activity is None:
                activity = NationalActivity(key=row["key"], **values)
                activity.full_clean()
                activity.save()
                activity.objectives.set(wanted)
                counts["created"] += 1
                continue
            changed = [k for k, v in values.items() if getattr(activity, k) != v]
            current = {o.pk for o in activity.objectives.all()}
            if changed:
                for key in changed:
                    setattr(activity, key, values[key])
                activity.full_clean()
                activity.save(update_fields=[*changed, "updated_at"])
            if current != wanted:
                activity.objectives.set(wanted)
            if changed or current != wanted:
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
    return {str(NationalActivity._meta.verbose_name_plural).capitalize(): counts}
