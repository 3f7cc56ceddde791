"""Reads of initiatives, calls and membership requests, with their joins spelled out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from accounts.models import Organisation
from countries.models import Country, M49Region
from objectives.models import Objective

from . import aggregates, permissions
from .models import (
    ActivityStatus,
    CallForInitiatives,
    Initiative,
    InitiativeObjective,
    MembershipRequest,
    ModerationState,
    Transition,
)


def _with_list_joins(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return queryset.select_related("organisation", "host_country").prefetch_related(
        Prefetch("links", queryset=InitiativeObjective.objects.select_related("objective")),
        "countries",
        "coverage_review_regions",
    )


# Long texts and private fields a list never shows: not fetched for list pages and the API list.
LIST_DEFERRED = (
    "description",
    "expected_outcomes",
    "timeline",
    "other_stakeholders",
    "crisis_details",
    "search_vector",
    "contact_name",
    "contact_email",
    "contact_affiliation",
    "objectives_raw",
    "source_reference",
    "organisation__description",
    "organisation__website",
)


def for_list(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    """Only the columns a list shows (the summary, not the description or search vector)."""
    return queryset.defer(*LIST_DEFERRED)


def public_initiatives() -> QuerySet[Initiative]:
    """Published initiatives (originals only), newest first, with the list joins."""
    return _with_list_joins(Initiative.objects.published()).order_by("-published_at", "pk")


def visible_initiatives(user: Any) -> QuerySet[Initiative]:
    return _with_list_joins(permissions.visible_to(Initiative.objects.all(), user)).order_by(
        "-updated_at", "pk"
    )


def initiative_detail_queryset() -> QuerySet[Initiative]:
    return (
        _with_list_joins(Initiative.objects.all())
        .select_related("call", "revision_of", "created_by")
        .prefetch_related(
            "regions",
            "activity_types",
            "principles",
            "constituencies",
            "partners",
            "outputs",
            "evidence",
            Prefetch("transitions", queryset=Transition.objects.select_related("actor")),
            "pending_revision",
        )
    )


def my_initiatives(user: Any) -> QuerySet[Initiative]:
    """The originals of the user's organisations, with any pending revision."""
    return (
        permissions.owned_by(Initiative.objects.originals(), user)
        .select_related("organisation", "pending_revision")
        .order_by("-updated_at", "pk")
    )


def moderation_queue(user: Any) -> QuerySet[Initiative]:
    """Submitted initiatives (and revisions) the user may moderate, oldest first."""
    return (
        permissions.moderatable_by(Initiative.objects.filter(state=ModerationState.SUBMITTED), user)
        .select_related("organisation", "revision_of")
        .prefetch_related("coverage_review_regions")
        .order_by("updated_at", "pk")
    )


def open_calls() -> QuerySet[CallForInitiatives]:
    today = timezone.localdate()
    return CallForInitiatives.objects.filter(opens_on__lte=today, deadline__gte=today).order_by(
        "deadline"
    )


def call_list() -> QuerySet[CallForInitiatives]:
    return CallForInitiatives.objects.prefetch_related("focus_objectives").annotate(
        published_count=Count(
            "initiatives",
            filter=Q(
                initiatives__state=ModerationState.PUBLISHED,
                initiatives__revision_of__isnull=True,
            ),
        )
    )


def organisation_list() -> QuerySet[Organisation]:
    """Approved organisations with their count of published initiatives."""
    return (
        Organisation.objects.filter(status=Organisation.Status.APPROVED)
        .select_related("type", "country")
        .annotate(
            published_initiatives=Count(
                "initiatives",
                filter=Q(
                    initiatives__state=ModerationState.PUBLISHED,
                    initiatives__revision_of__isnull=True,
                ),
            )
        )
        .order_by("name")
    )


def pending_membership_requests() -> QuerySet[MembershipRequest]:
    return MembershipRequest.objects.filter(status=MembershipRequest.Status.PENDING).select_related(
        "user", "organisation", "organisation__type", "organisation__country"
    )


# --- mapping ----------------------------------------------------------------------------------


def objectives() -> list[Objective]:
    return list(Objective.objects.order_by("number").only("pk", "number", "short_label", "title"))


def _links(initiatives: QuerySet[Initiative]) -> QuerySet[InitiativeObjective]:
    return InitiativeObjective.objects.filter(initiative__in=initiatives.values("pk"))


def country_objective_counts(initiatives: QuerySet[Initiative]) -> dict[str, dict[int, int]]:
    """{alpha3: {objective number: number of initiatives}}: one aggregate query."""
    rows = (
        _links(initiatives)
        .filter(initiative__countries__isnull=False)
        .values_list("initiative__countries__alpha3", "objective__number")
        .annotate(n=Count("*"))  # (country, objective) is unique per initiative: exact
        .order_by()
    )
    out: dict[str, dict[int, int]] = defaultdict(dict)
    for alpha3, number, n in rows:
        out[alpha3][number] = n
    return dict(out)


def region_objective_counts(initiatives: QuerySet[Initiative]) -> dict[str, dict[int, int]]:
    """{M49 region code: {objective number: number of initiatives}}: one aggregate query."""
    rows = (
        _links(initiatives)
        .filter(initiative__coverage_regions__isnull=False)
        .values_list("initiative__coverage_regions__code", "objective__number")
        .annotate(n=Count("*"))  # (region, objective) is unique per initiative: exact
        .order_by()
    )
    out: dict[str, dict[int, int]] = defaultdict(dict)
    for code, number, n in rows:
        out[code][number] = n
    return dict(out)


def region_matrix(
    initiatives: QuerySet[Initiative], params: Mapping[str, Any]
) -> dict[str, dict[int, int]]:
    """The region x objective counts alone, kept between publications."""
    return aggregates.cached("by-region", params, lambda: region_objective_counts(initiatives))


def country_counts(initiatives: QuerySet[Initiative]) -> dict[str, int]:
    """{alpha3: number of initiatives covering it}: one aggregate query (for the map)."""
    rows = (
        Country.objects.filter(initiatives__in=initiatives.values("pk"))
        .values_list("alpha3")
        .annotate(n=Count("*"))
        .order_by()
    )
    return dict(rows)


def mapping(
    initiatives: QuerySet[Initiative], params: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Everything the mapping page and endpoint show, in a fixed number of queries.

    ``params`` are the filter parameters that produced ``initiatives``: with them the counts
    are kept between publications (``aggregates``) instead of recounted per request.
    """
    objs = objectives()
    key = dict(params or {})
    by_country = aggregates.cached("by-country", key, lambda: country_objective_counts(initiatives))
    by_region = region_matrix(initiatives, key)
    per_country = aggregates.cached("per-country", key, lambda: country_counts(initiatives))
    countries = list(
        Country.objects.select_related("m49_region", "m49_subregion").order_by(
            "m49_region__name", "m49_subregion__name", "name"
        )
    )
    regions = list(M49Region.objects.order_by("name"))
    gaps = {
        r.code: [o for o in objs if not by_region.get(r.code, {}).get(o.number)] for r in regions
    }
    return {
        "objectives": objs,
        "countries": countries,
        "regions": regions,
        "country_rows": [
            {
                "country": c,
                "total": per_country.get(c.alpha3, 0),
                "cells": [(o, by_country[c.alpha3].get(o.number, 0)) for o in objs],
            }
            for c in countries
            if c.alpha3 in by_country
        ],
        "region_rows": [
            {"region": r, "cells": [(o, by_region.get(r.code, {}).get(o.number, 0)) for o in objs]}
            for r in regions
        ],
        "gaps": [{"region": r, "objectives": gaps[r.code]} for r in regions],
        "per_country": per_country,
        "max_count": max(per_country.values(), default=0),
    }


@dataclass(frozen=True)
class ObjectiveGroup:
    """An objective, how many published initiatives of a country serve it, the latest few."""

    objective: Objective
    count: int
    latest: list[Initiative]


def country_initiative_groups(
    country: Country, per_objective: int = 5
) -> tuple[list[ObjectiveGroup], int]:
    """The country page's initiatives: per objective a count and the latest few; the total.

    Three queries and at most ``23 * per_objective`` rows, however many initiatives the
    country has (the busiest country has tens of thousands at scale).
    """
    published = (
        Initiative.objects.published()
        .filter(Q(countries=country) | Q(host_country=country))
        .values("pk")
    )
    links = InitiativeObjective.objects.filter(initiative__in=published)
    counts = dict(
        links.order_by()
        .values_list("objective_id")
        .annotate(n=Count("*"))
        .values_list("objective_id", "n")
    )
    latest = (
        links.annotate(
            row=Window(
                RowNumber(),
                partition_by=F("objective_id"),
                order_by=[F("initiative__published_at").desc(), F("initiative_id").desc()],
            )
        )
        .filter(row__lte=per_objective)
        .select_related("objective", "initiative__organisation")
        .order_by("objective__number", "row")
    )
    groups: dict[int, ObjectiveGroup] = {}
    for link in latest:
        group = groups.setdefault(
            link.objective_id, ObjectiveGroup(link.objective, counts.get(link.objective_id, 0), [])
        )
        group.latest.append(link.initiative)
    total = Initiative.objects.filter(pk__in=published).count()
    return list(groups.values()), total


def country_profile_initiatives(country: Country) -> dict[Objective, list[Initiative]]:
    """Published initiatives covering or hosted in ``country``, grouped by objective."""
    links = (
        InitiativeObjective.objects.filter(
            initiative__in=Initiative.objects.published()
            .filter(Q(countries=country) | Q(host_country=country))
            .values("pk")
        )
        .select_related("objective", "initiative", "initiative__organisation")
        .order_by("objective__number", "initiative__title")
    )
    grouped: dict[Objective, list[Initiative]] = {}
    for link in links:
        grouped.setdefault(link.objective, []).append(link.initiative)
    return grouped


# --- public reads for the reports ---------------------------------------------------------------


def published_in_review_region(region: Any) -> QuerySet[Initiative]:
    """Published initiatives in a country of ``region`` or covering it (may repeat rows)."""
    return Initiative.objects.published().filter(
        Q(countries__review_regions=region) | Q(coverage_review_regions=region)
    )


def published_initiatives() -> QuerySet[Initiative]:
    """Published initiatives, without joins: for counts."""
    return Initiative.objects.published()


def objective_counts(initiatives: QuerySet[Initiative]) -> dict[int, int]:
    """{objective number: number of ``initiatives`` with it}: one aggregate query."""
    return dict(
        _links(initiatives)
        .values_list("objective__number")
        .annotate(n=Count("initiative", distinct=True))
        .order_by()
    )


def completed_among(initiatives: QuerySet[Initiative], limit: int) -> list[Initiative]:
    """Completed ones of ``initiatives`` (good practices), by title, with their organisation."""
    return list(
        Initiative.objects.filter(
            pk__in=initiatives.values("pk"), activity_status=ActivityStatus.COMPLETED
        )
        .select_related("organisation")
        .order_by("title")[:limit]
    )


def count_among(initiatives: QuerySet[Initiative]) -> int:
    """How many distinct initiatives ``initiatives`` holds (it may repeat rows)."""
    return Initiative.objects.filter(pk__in=initiatives.values("pk")).count()
