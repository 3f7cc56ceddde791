"""Reads of the reviews app: querysets with their joins spelled out, and dashboard aggregates."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from countries.models import ReviewRegion
from objectives.models import Objective

from .models import Pledge, PledgeUpdate, ReviewCycle, Submission
from .permissions import submissions_visible_to

# --- cycles -------------------------------------------------------------------------------------


def cycle_list() -> QuerySet[ReviewCycle]:
    return (
        ReviewCycle.objects.select_related("review_region")
        .annotate(
            submission_count=Count(
                "submissions", filter=Q(submissions__status=Submission.Status.SUBMITTED)
            )
        )
        .order_by("year_start", "kind", "review_region__code", "code")
    )


def cycle_detail_queryset() -> QuerySet[ReviewCycle]:
    return ReviewCycle.objects.select_related("review_region")


def cycle_submissions(cycle: ReviewCycle, user: Any) -> QuerySet[Submission]:
    return submission_list(user).filter(cycle=cycle)


# --- submissions --------------------------------------------------------------------------------


def submission_list(user: Any) -> QuerySet[Submission]:
    qs = Submission.objects.select_related(
        "cycle", "cycle__review_region", "country", "organisation"
    ).prefetch_related(Prefetch("objectives", queryset=Objective.objects.only("id", "number")))
    return submissions_visible_to(user, qs)


def submission_detail_queryset(user: Any) -> QuerySet[Submission]:
    return submission_list(user).prefetch_related("attachments")


# --- pledges ------------------------------------------------------------------------------------


def pledge_list() -> QuerySet[Pledge]:
    """Pledges are public once recorded."""
    return Pledge.objects.select_related(
        "country", "organisation", "cycle", "matches"
    ).prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.only("id", "number", "short_label")),
        "principles",
    )


def pledge_detail_queryset() -> QuerySet[Pledge]:
    return pledge_list().prefetch_related(
        "partner_countries",
        "partner_organisations",
        Prefetch("updates", queryset=PledgeUpdate.objects.select_related("posted_by")),
        "matched_by",
    )


def filter_pledges_by_region(qs: QuerySet[Pledge], region: ReviewRegion) -> QuerySet[Pledge]:
    """Pledges of the region's countries and of organisations based there."""
    return qs.filter(
        Q(country__review_regions=region) | Q(organisation__country__review_regions=region)
    ).distinct()


def pledge_dashboard(qs: QuerySet[Pledge]) -> dict[str, Any]:
    """Counts by type, status, objective and region, computed in SQL (a fixed five queries)."""
    by_type = {
        row["pledge_type"]: row["n"]
        for row in qs.order_by().values("pledge_type").annotate(n=Count("id", distinct=True))
    }
    by_status = {
        row["status"]: row["n"]
        for row in qs.order_by().values("status").annotate(n=Count("id", distinct=True))
    }
    ids = qs.order_by().values("id")
    objectives = list(
        Objective.objects.annotate(n=Count("pledges", filter=Q(pledges__in=ids), distinct=True))
        .order_by("number")
        .values("number", "short_label", "n")
    )
    regions = list(
        ReviewRegion.objects.annotate(
            n=Count(
                "countries__pledges",
                filter=Q(countries__pledges__in=ids),
                distinct=True,
            )
            + Count(
                "countries__organisations__pledges",
                filter=Q(countries__organisations__pledges__in=ids),
                distinct=True,
            )
        )
        .order_by("code")
        .values("code", "name", "n")
    )
    money = list(
        qs.order_by()
        .filter(pledge_type=Pledge.Type.FINANCIAL)
        .values("currency")
        .annotate(total=Sum("amount"), n=Count("id", distinct=True))
        .order_by("currency")
    )
    return {
        "by_type": [
            {"code": code, "label": label, "n": by_type.get(code, 0)}
            for code, label in Pledge.Type.choices
        ],
        "by_status": [
            {"code": code, "label": label, "n": by_status.get(code, 0)}
            for code, label in Pledge.Status.choices
        ],
        "by_objective": objectives,
        "by_region": regions,
        "financial": money,
        "total": sum(by_type.values()),
    }


# --- country profile ----------------------------------------------------------------------------


def country_pledges(country: Any) -> QuerySet[Pledge]:
    return pledge_list().filter(country=country)


def country_submissions(country: Any, user: Any) -> QuerySet[Submission]:
    return submission_list(user).filter(country=country)


# --- public reads for the reports ---------------------------------------------------------------


def regional_cycles() -> QuerySet[ReviewCycle]:
    return ReviewCycle.objects.regional().select_related("review_region")


def imrf_cycles() -> QuerySet[ReviewCycle]:
    return ReviewCycle.objects.imrf()


def cycle_by_code(code: str, kind: str) -> ReviewCycle | None:
    return cycle_detail_queryset().filter(code=code, kind=kind).first()


def submitted_submissions() -> QuerySet[Submission]:
    """Submitted reviews and inputs (public once submitted), with what the reports print."""
    return (
        Submission.objects.filter(status=Submission.Status.SUBMITTED)
        .select_related("cycle", "country", "organisation")
        .prefetch_related("objectives")
        .order_by("kind", "country__name", "organisation__name", "title")
    )
