"""Filters of the reference framework endpoints."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Objective, SDGTarget, ThematicArea


class ObjectiveFilter(django_filters.FilterSet):
    thematic_area = django_filters.ModelChoiceFilter(
        field_name="thematic_areas",
        to_field_name="code",
        queryset=ThematicArea.objects.all(),
    )
    sdg_target = django_filters.CharFilter(field_name="sdg_targets__code")

    class Meta:
        model = Objective
        fields = ["thematic_area", "sdg_target"]


class IntegerFilter(django_filters.NumberFilter):
    """A whole number (django-filter's NumberFilter takes decimals: 0.5 would match nothing)."""

    field_class = forms.IntegerField


class SDGTargetFilter(django_filters.FilterSet):
    goal__number = IntegerFilter(field_name="goal__number", label=_("SDG goal number"))

    class Meta:
        model = SDGTarget
        fields = ["goal__number"]
