"""Filters for the country list (page and API)."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Country, M49Region, M49SubRegion, ReviewRegion


class CountryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    region = django_filters.ModelChoiceFilter(
        field_name="m49_region",
        to_field_name="code",
        queryset=M49Region.objects.all(),
        label=_("Region"),
        empty_label=_("All regions"),
    )
    subregion = django_filters.ModelChoiceFilter(
        field_name="m49_subregion",
        to_field_name="code",
        queryset=M49SubRegion.objects.all(),
        label=_("Sub-region"),
        empty_label=_("All sub-regions"),
    )
    review_region = django_filters.ModelChoiceFilter(
        field_name="review_regions",
        to_field_name="code",
        queryset=ReviewRegion.objects.all(),
        label=_("Review region"),
        empty_label=_("All review regions"),
    )
    un_status = django_filters.ChoiceFilter(
        choices=Country.UNStatus.choices, label=_("UN status"), empty_label=_("All")
    )
    champion = django_filters.BooleanFilter(method="filter_champion", label=_("Champion country"))

    class Meta:
        model = Country
        fields = ["q", "region", "subregion", "review_region", "un_status", "champion"]

    def search(self, queryset: QuerySet[Country], name: str, value: str) -> QuerySet[Country]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(official_name__icontains=value)
            | Q(alpha2__iexact=value)
            | Q(alpha3__iexact=value)
        )

    def filter_champion(
        self, queryset: QuerySet[Country], name: str, value: bool | None
    ) -> QuerySet[Country]:
        if value is None:
            return queryset
        has = Q(designations__designation="champion")
        return queryset.filter(has).distinct() if value else queryset.exclude(has)
