"""The initiative facets, shared by the public list page, the export, the mapping and the API."""

from __future__ import annotations

import django_filters
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.forms import AnyYesNoSelect, YesNoFilter
from countries.models import Country, M49Region, ReviewRegion
from objectives.models import ActivityType, Constituency, GuidingPrinciple, Objective

from .models import (
    CATEGORY_CHOICES,
    CATEGORY_FIELDS,
    ActivityStatus,
    CallForInitiatives,
    CrisisResponse,
    Initiative,
    ModerationState,
)

ORDERING_CHOICES = [
    ("-published_at", _("Newest first")),
    ("published_at", _("Oldest first")),
    ("title", _("Title A-Z")),
    ("-title", _("Title Z-A")),
    ("-start_date", _("Latest start")),
    ("start_date", _("Earliest start")),
]


def search_initiatives(queryset: QuerySet[Initiative], value: str) -> QuerySet[Initiative]:
    """Full-text search ranked on PostgreSQL; a case-insensitive match elsewhere."""
    value = value.strip()[:200]
    if not value:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        # Match and rank on the stored, GIN-indexed vector itself (with its weights); the
        # organisation's name is inside it, so the query needs no join and no OR.
        query = SearchQuery(value, search_type="websearch", config="english")
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-published_at", "pk")
        )
    return queryset.filter(
        Q(title__icontains=value)
        | Q(summary__icontains=value)
        | Q(description__icontains=value)
        | Q(expected_outcomes__icontains=value)
        | Q(organisation__name__icontains=value)
    )


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Search"))
    objective = django_filters.ModelChoiceFilter(
        field_name="links__objective",
        to_field_name="number",
        queryset=Objective.objects.all(),
        label=_("Objective"),
        empty_label=_("All objectives"),
        distinct=True,
    )
    principle = django_filters.ModelChoiceFilter(
        field_name="principles",
        to_field_name="letter",
        queryset=GuidingPrinciple.objects.all(),
        label=_("Guiding principle"),
        empty_label=_("All principles"),
        distinct=True,
    )
    country = django_filters.ModelChoiceFilter(
        method="filter_country",
        to_field_name="alpha3",
        queryset=Country.objects.all(),
        label=_("Country"),
        empty_label=_("All countries"),
    )
    region = django_filters.ModelChoiceFilter(
        field_name="coverage_regions",
        to_field_name="code",
        queryset=M49Region.objects.all(),
        label=_("Region (M49)"),
        empty_label=_("All regions"),
        distinct=True,
    )
    review_region = django_filters.ModelChoiceFilter(
        field_name="coverage_review_regions",
        to_field_name="code",
        queryset=ReviewRegion.objects.all(),
        label=_("Review region"),
        empty_label=_("All review regions"),
        distinct=True,
    )
    category = django_filters.ChoiceFilter(
        choices=CATEGORY_CHOICES,
        method="filter_category",
        label=_("Category"),
        empty_label=_("All categories"),
    )
    activity_type = django_filters.ModelChoiceFilter(
        field_name="activity_types",
        to_field_name="code",
        queryset=ActivityType.objects.all(),
        label=_("Activity type"),
        empty_label=_("All activity types"),
        distinct=True,
    )
    constituency = django_filters.ModelChoiceFilter(
        field_name="constituencies",
        to_field_name="code",
        queryset=Constituency.objects.all(),
        label=_("Constituency"),
        empty_label=_("All constituencies"),
        distinct=True,
    )
    status = django_filters.ChoiceFilter(
        field_name="activity_status",
        choices=ActivityStatus.choices,
        label=_("Status"),
        empty_label=_("Any status"),
    )
    year = django_filters.NumberFilter(
        method="filter_year", label=_("Active in year"), min_value=1990, max_value=2100
    )
    engages_states = YesNoFilter(
        label=_("Engages States"),
        widget=AnyYesNoSelect,
    )
    crisis = django_filters.ChoiceFilter(
        field_name="crisis_response",
        choices=[c for c in CrisisResponse.choices if c[0] != CrisisResponse.NONE],
        label=_("Crisis response"),
        empty_label=_("Any"),
    )
    call = django_filters.ModelChoiceFilter(
        queryset=CallForInitiatives.objects.all(), label=_("Call"), empty_label=_("Any call")
    )
    organisation = django_filters.NumberFilter(
        field_name="organisation_id", label=_("Organisation id")
    )
    state = django_filters.ChoiceFilter(
        choices=ModerationState.choices, label=_("Moderation state"), empty_label=_("Any")
    )
    ordering = django_filters.OrderingFilter(
        fields=["published_at", "title", "start_date", "updated_at"],
        choices=ORDERING_CHOICES,
        label=_("Sort by"),
        empty_label=_("Relevance / newest"),
    )

    class Meta:
        model = Initiative
        fields: list[str] = []

    def filter_q(
        self, queryset: QuerySet[Initiative], _name: str, value: str
    ) -> QuerySet[Initiative]:
        return search_initiatives(queryset, value)

    def filter_country(
        self, queryset: QuerySet[Initiative], _name: str, value: Country | None
    ) -> QuerySet[Initiative]:
        if value is None:
            return queryset
        return queryset.filter(
            pk__in=Initiative.objects.filter(Q(countries=value) | Q(host_country=value)).values(
                "pk"
            )
        )

    def filter_category(
        self, queryset: QuerySet[Initiative], _name: str, value: str
    ) -> QuerySet[Initiative]:
        if not value:
            return queryset
        return queryset.filter(**{CATEGORY_FIELDS[value]: True})

    def filter_year(
        self, queryset: QuerySet[Initiative], _name: str, value: float | None
    ) -> QuerySet[Initiative]:
        if value is None:
            return queryset
        year = int(value)
        dated = Q(start_date__year__lte=year) & (
            Q(end_date__isnull=True) | Q(end_date__year__gte=year)
        )
        undated = Q(start_date__isnull=True) & Q(reporting_year=year)
        return queryset.filter(dated | undated)


PUBLIC_FILTER_FIELDS = [
    f for f in InitiativeFilter.base_filters if f not in {"state", "organisation"}
]
