"""Factories for activity tests."""

from __future__ import annotations

import itertools
from typing import Any

from activities.models import Kind, NationalActivity, SourceDocument
from countries.models import Country

_counter = itertools.count(1)


def make_activity(country: str | None = "KEN", **extra: Any) -> NationalActivity:
    n = next(_counter)
    objectives = extra.pop("objectives", [])
    values: dict[str, Any] = {
        "key": f"test-activity-{n}",
        "country": Country.objects.get(alpha3=country) if country else None,
        "place": "" if country else "Somewhere*",
        "kind": Kind.MEETING,
        "description": f"Consultation on GCM implementation number {n}",
        "source_document": SourceDocument.OTHER,
        "source_reference": "Test source, p. 1",
        **extra,
    }
    activity = NationalActivity.objects.create(**values)
    if objectives:
        from objectives.models import Objective

        activity.objectives.set(Objective.objects.filter(number__in=objectives))
    return activity
