"""The activity facets, shared by the public list page, the exports, the mapping and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from countries.models import Country, M49Region
from objectives.models import Objective

from .models import InitiatorType, Kind, NationalActivity, SourceDocument


class AnyYesNoSelect(forms.NullBooleanSelect):
    """A yes/no filter whose empty choice reads "Any"; passes the raw value on to the field."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [("unknown", _("Any")), ("true", _("Yes")), ("false", _("No"))]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.get(name)


class YesNoField(forms.NullBooleanField):
    """true / false (or empty, "unknown": any); any other value is an error, not "any"."""

    def to_python(self, value: Any) -> bool | None:  # type: ignore[override]  # None: any
        if value in (None, "", "unknown"):
            return None
        if value in (True, "True", "true", "1"):
            return True
        if value in (False, "False", "false", "0"):
            return False
        raise forms.ValidationError(_("Enter true or false."), code="invalid")

    def validate(self, value: Any) -> None:
        return


class YesNoFilter(django_filters.BooleanFilter):
    field_class = YesNoField


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
