"""Filters of the reference framework endpoints."""

import django_filters

from .models import Objective, ThematicArea


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
