"""Reads of national implementation activities: querysets with their joins spelled out."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, F, Prefetch, QuerySet

from countries.models import Country
from objectives.models import Objective

from .models import AnnexRegion, NationalActivity, SourceDocument
from .permissions import activities_visible_to


def _with_joins(qs: QuerySet[NationalActivity]) -> QuerySet[NationalActivity]:
    return qs.select_related("country__m49_region", "thematic_area").prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.order_by("number"))
    )


def activity_list(user: Any) -> QuerySet[NationalActivity]:
    """The activities ``user`` may see, in source order, with what a list row shows."""
    return _with_joins(activities_visible_to(user)).order_by("source_document", "order", "pk")


def activity_detail(user: Any) -> QuerySet[NationalActivity]:
    return _with_joins(activities_visible_to(user))


def country_activities(country: Country, *, limit: int = 20) -> tuple[list[NationalActivity], int]:
    """A country's latest ``limit`` published activities and their total (three queries)."""
    qs = NationalActivity.objects.filter(country=country, published=True)
    total = qs.count()
    rows = _with_joins(qs).order_by(F("year").desc(nulls_last=True), "source_document", "order")
    return list(rows[:limit]), total


def annex_rows() -> list[NationalActivity]:
    """Seed 000's Annex 2 rows in the annex's order: region tables, then rows."""
    regions = [r.value for r in AnnexRegion]
    rows = list(
        NationalActivity.objects.filter(
            source_document=SourceDocument.MMC_2019_ANNEX, published=True
        ).order_by("annex_row", "order", "pk")
    )
    rank = {name: i for i, name in enumerate(regions)}
    return sorted(rows, key=lambda a: (rank.get(a.annex_region, len(regions)), a.annex_row or 0))


def counts_by_country(activities: QuerySet[NationalActivity]) -> dict[str, int]:
    """Activities per country (alpha-3), for the mapping layer; one query."""
    rows = (
        activities.order_by()
        .filter(country__isnull=False)
        .values("country__alpha3")
        .annotate(n=Count("pk"))
    )
    return {r["country__alpha3"]: r["n"] for r in rows}


def kind_matrix(activities: QuerySet[NationalActivity]) -> dict[tuple[str, str], int]:
    """(country alpha-3, kind) -> count; one query."""
    rows = (
        activities.order_by()
        .filter(country__isnull=False)
        .values("country__alpha3", "kind")
        .annotate(n=Count("pk"))
    )
    return {(r["country__alpha3"], r["kind"]): r["n"] for r in rows}


def objective_matrix(activities: QuerySet[NationalActivity]) -> Counter[tuple[str, int]]:
    """(country alpha-3, objective number) -> count of activities naming it; one query."""
    rows = (
        activities.order_by()
        .filter(country__isnull=False, objectives__isnull=False)
        .values("country__alpha3", "objectives__number")
        .annotate(n=Count("pk"))
    )
    return Counter({(r["country__alpha3"], r["objectives__number"]): r["n"] for r in rows})


def all_objectives() -> list[Objective]:
    return list(Objective.objects.order_by("number"))


def mapped_countries() -> list[Country]:
    """Every country with its M49 region, in region then name order (for the tile map)."""
    return list(Country.objects.select_related("m49_region").order_by("m49_region__name", "name"))
