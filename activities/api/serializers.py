"""Activity serializers, named by purpose; inputs take their field list from the services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from countries.models import Country
from objectives.models import ThematicArea

from ..models import NationalActivity
from ..services import ACTIVITY_FIELDS


class ActivityCountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["alpha3", "name"]


class ActivityListSerializer(serializers.ModelSerializer):
    country = ActivityCountrySerializer(read_only=True, allow_null=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    initiator_type_label = serializers.CharField(
        source="get_initiator_type_display", read_only=True
    )
    source_document_label = serializers.CharField(
        source="get_source_document_display", read_only=True
    )
    objectives = serializers.SerializerMethodField()
    thematic_area = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = NationalActivity
        fields = [
            "id",
            "key",
            "country",
            "place",
            "regional_scope",
            "kind",
            "kind_label",
            "initiator_type",
            "initiator_type_label",
            "initiator",
            "objectives",
            "thematic_area",
            "description",
            "condensed",
            "date_text",
            "date",
            "year",
            "predates_gcm",
            "source_document",
            "source_document_label",
            "source_reference",
            "published",
        ]

    def get_objectives(self, obj: NationalActivity) -> list[int]:
        return [o.number for o in obj.objectives.all()]


class ActivityDetailSerializer(ActivityListSerializer):
    class Meta(ActivityListSerializer.Meta):
        fields = [
            *ActivityListSerializer.Meta.fields,
            "type_of_action",
            "info_source",
            "annex_region",
            "annex_row",
            "note",
            "created_at",
            "updated_at",
        ]


class ActivityInputSerializer(serializers.ModelSerializer):
    """What a moderator sends to record or correct an activity."""

    country = serializers.SlugRelatedField(
        slug_field="alpha3", queryset=Country.objects.all(), required=False, allow_null=True
    )
    thematic_area = serializers.SlugRelatedField(
        slug_field="code", queryset=ThematicArea.objects.all(), required=False, allow_null=True
    )
    objectives = serializers.ListField(
        child=serializers.IntegerField(), required=False, max_length=23
    )
    key = serializers.CharField(required=False, max_length=80)

    class Meta:
        model = NationalActivity
        fields = ["key", "country", "thematic_area", "objectives", *ACTIVITY_FIELDS]
        extra_kwargs = {name: {"required": False} for name in ACTIVITY_FIELDS}
        # The service checks uniqueness and the model's rules.
        validators: list[Any] = []

    def to_service_data(self) -> dict[str, Any]:
        return dict(self.validated_data)


class PublishInputSerializer(serializers.Serializer):
    published = serializers.BooleanField()
