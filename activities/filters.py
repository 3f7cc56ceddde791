"""The activity facets, shared by the public list page, the exports, the mapping and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.forms import AnyYesNoSelect, YesNoFilter
from countries.models import Country, M49Region
from objectives.models import Objective

from .models import InitiatorType, Kind, NationalActivity, SourceDocument


class ActivityFilter(django_filters.FilterSet):
    country = django_filters.ModelChoiceFilter(
        field_name="country",
        to_field_name="alpha3",
        queryset=Country.objects.all(),
        label=_("Country"),
        empty_label=_("All countries"),
    )
    region = django_filters.ModelChoiceFilter(
        field_name="country__m49_region",
        to_field_name="code",
        queryset=M49Region.objects.all(),
        label=_("Region"),
        empty_label=_("All regions"),
    )
    kind = django_filters.ChoiceFilter(
        choices=Kind.choices, label=_("Kind of action"), empty_label=_("All kinds")
    )
    initiator_type = django_filters.ChoiceFilter(
        choices=InitiatorType.choices, label=_("Initiator"), empty_label=_("All initiators")
    )
    objective = django_filters.ModelChoiceFilter(
        field_name="objectives",
        to_field_name="number",
        queryset=Objective.objects.all(),
        label=_("Objective"),
        empty_label=_("All objectives"),
        distinct=True,
    )
    source_document = django_filters.ChoiceFilter(
        choices=SourceDocument.choices, label=_("Source document"), empty_label=_("All sources")
    )
    predates_gcm = YesNoFilter(label=_("Predates the GCM"), widget=AnyYesNoSelect)

    class Meta:
        model = NationalActivity
        fields = [
            "country",
            "region",
            "kind",
            "initiator_type",
            "objective",
            "source_document",
            "predates_gcm",
        ]
