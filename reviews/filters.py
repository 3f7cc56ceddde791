"""Filters for pledges, submissions and cycles, shared by the pages and the API."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from countries.models import Country, ReviewRegion
from objectives.models import Objective

from .models import Pledge, ReviewCycle, Submission
from .selectors import filter_pledges_by_region


class PledgeFilter(django_filters.FilterSet):
    type = django_filters.ChoiceFilter(
        field_name="pledge_type", choices=Pledge.Type.choices, label=_("Type"), empty_label=_("All")
    )
    form = django_filters.ChoiceFilter(
        choices=Pledge.Form.choices, label=_("Form"), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        choices=Pledge.Status.choices, label=_("Status"), empty_label=_("All")
    )
    objective = django_filters.ModelChoiceFilter(
        field_name="objectives",
        to_field_name="number",
        queryset=Objective.objects.all(),
        label=_("Objective"),
        empty_label=_("All objectives"),
    )
    region = django_filters.ModelChoiceFilter(
        method="filter_region",
        to_field_name="code",
        queryset=ReviewRegion.objects.all(),
        label=_("Review region"),
        empty_label=_("All regions"),
    )
    country = django_filters.ModelChoiceFilter(
        field_name="country",
        to_field_name="alpha3",
        queryset=Country.objects.all(),
        label=_("Pledging country"),
        empty_label=_("All countries"),
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="organisation",
        queryset=Organisation.objects.all(),
        label=_("Pledging organisation"),
        empty_label=_("All organisations"),
    )
    entity = django_filters.ChoiceFilter(
        method="filter_entity",
        choices=[("country", _("Countries")), ("organisation", _("Organisations"))],
        label=_("Pledging entity"),
        empty_label=_("All"),
    )
    cycle = django_filters.ModelChoiceFilter(
        field_name="cycle",
        to_field_name="code",
        queryset=ReviewCycle.objects.all(),
        label=_("Announced at"),
        empty_label=_("Any"),
    )

    class Meta:
        model = Pledge
        fields = [
            "type",
            "form",
            "status",
            "objective",
            "region",
            "country",
            "organisation",
            "entity",
            "cycle",
        ]

    def filter_region(
        self, queryset: QuerySet[Pledge], _name: str, value: ReviewRegion | None
    ) -> QuerySet[Pledge]:
        return filter_pledges_by_region(queryset, value) if value else queryset

    def filter_entity(self, queryset: QuerySet[Pledge], _name: str, value: str) -> QuerySet[Pledge]:
        if value == "country":
            return queryset.filter(country__isnull=False)
        if value == "organisation":
            return queryset.filter(organisation__isnull=False)
        return queryset


class SubmissionFilter(django_filters.FilterSet):
    cycle = django_filters.ModelChoiceFilter(
        field_name="cycle", to_field_name="code", queryset=ReviewCycle.objects.all()
    )
    kind = django_filters.ChoiceFilter(choices=Submission.Kind.choices)
    status = django_filters.ChoiceFilter(choices=Submission.Status.choices)
    country = django_filters.ModelChoiceFilter(
        field_name="country", to_field_name="alpha3", queryset=Country.objects.all()
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name="organisation", queryset=Organisation.objects.all()
    )

    class Meta:
        model = Submission
        fields = ["cycle", "kind", "status", "country", "organisation"]


class CycleFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=ReviewCycle.Kind.choices, label=_("Kind"), empty_label=_("All")
    )
    region = django_filters.ModelChoiceFilter(
        field_name="review_region",
        to_field_name="code",
        queryset=ReviewRegion.objects.all(),
        label=_("Review region"),
        empty_label=_("All regions"),
    )

    class Meta:
        model = ReviewCycle
        fields = ["kind", "region"]
