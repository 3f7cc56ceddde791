"""Reads of countries and regions."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from .models import CommissionMembership, Country, CountryDesignation, M49Region, ReviewRegion


def country_list() -> QuerySet[Country]:
    return Country.objects.select_related("m49_region", "m49_subregion").prefetch_related(
        "review_regions"
    )


def country_detail_queryset() -> QuerySet[Country]:
    return country_list().prefetch_related(
        Prefetch("designations", queryset=CountryDesignation.objects.order_by("as_of")),
        Prefetch(
            "commission_memberships",
            queryset=CommissionMembership.objects.select_related("review_region").order_by(
                "-is_regional", "review_region__code"
            ),
        ),
    )


def m49_region_list() -> QuerySet[M49Region]:
    return M49Region.objects.prefetch_related("subregions")


def review_region_list() -> QuerySet[ReviewRegion]:
    return ReviewRegion.objects.all()
