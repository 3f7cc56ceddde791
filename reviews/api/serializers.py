"""API serializers of the reviews app, named by purpose."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from accounts.models import Organisation
from core.api.fields import CurrencyField
from countries.models import Country, ReviewRegion
from objectives.models import GuidingPrinciple, Objective

from ..models import Pledge, PledgeUpdate, ReviewCycle, Submission

# --- cycles -------------------------------------------------------------------------------------


class CycleSerializer(serializers.ModelSerializer):
    review_region: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    commitments = serializers.ListField(child=serializers.CharField(), read_only=True)
    is_open = serializers.BooleanField(read_only=True)

    class Meta:
        model = ReviewCycle
        fields = [
            "code",
            "kind",
            "review_region",
            "title",
            "year_start",
            "year_end",
            "starts_on",
            "ends_on",
            "venue",
            "organisers",
            "co_facilitators",
            "submissions_open_on",
            "submissions_close_on",
            "is_open",
            "grouping_cycle",
            "outcome_reference",
            "outcome_url",
            "outcome_adopted_on",
            "commitments",
            "related_events",
            "source",
        ]


class CycleInputSerializer(serializers.Serializer):
    code = serializers.SlugField(max_length=30, required=False)
    kind = serializers.ChoiceField(choices=ReviewCycle.Kind.choices, required=False)
    review_region: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="code", queryset=ReviewRegion.objects.all(), required=False, allow_null=True
    )
    title = serializers.CharField(max_length=255, required=False)
    year_start = serializers.IntegerField(required=False)
    year_end = serializers.IntegerField(required=False)
    starts_on = serializers.DateField(required=False, allow_null=True)
    ends_on = serializers.DateField(required=False, allow_null=True)
    venue = serializers.CharField(required=False, allow_blank=True)
    organisers = serializers.CharField(required=False, allow_blank=True)
    co_facilitators = serializers.CharField(required=False, allow_blank=True)
    submissions_open_on = serializers.DateField(required=False, allow_null=True)
    submissions_close_on = serializers.DateField(required=False, allow_null=True)
    grouping_cycle = serializers.CharField(required=False, allow_blank=True)
    outcome_reference = serializers.CharField(required=False, allow_blank=True)
    outcome_url = serializers.URLField(required=False, allow_blank=True)
    outcome_commitments = serializers.CharField(required=False, allow_blank=True)


# --- submissions --------------------------------------------------------------------------------


class SubmissionListSerializer(serializers.ModelSerializer):
    cycle: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    country: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="alpha3", read_only=True
    )
    organisation: serializers.RelatedField[Any, Any, Any] = serializers.StringRelatedField()
    objectives: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="number", many=True, read_only=True
    )

    class Meta:
        model = Submission
        fields = [
            "id",
            "cycle",
            "kind",
            "country",
            "organisation",
            "title",
            "status",
            "submitted_at",
            "objectives",
            "is_demo",
        ]


class AttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj: Any) -> str:
        return str(obj.get_absolute_url())


class SubmissionDetailSerializer(SubmissionListSerializer):
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta(SubmissionListSerializer.Meta):
        fields = [
            *SubmissionListSerializer.Meta.fields,
            "summary",
            "progress",
            "good_practices",
            "challenges",
            "recommendations",
            "attachments",
        ]


class SubmissionInputSerializer(serializers.Serializer):
    cycle: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="code", queryset=ReviewCycle.objects.all()
    )
    country: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="alpha3", queryset=Country.objects.all(), required=False, allow_null=True
    )
    organisation: serializers.RelatedField[Any, Any, Any] = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    title = serializers.CharField(max_length=255)
    summary = serializers.CharField()
    progress = serializers.CharField(required=False, allow_blank=True)
    good_practices = serializers.CharField(required=False, allow_blank=True)
    challenges = serializers.CharField(required=False, allow_blank=True)
    recommendations = serializers.CharField(required=False, allow_blank=True)
    objectives: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="number", queryset=Objective.objects.all(), many=True, required=False
    )


class SubmissionUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=255, required=False)
    summary = serializers.CharField(required=False)
    progress = serializers.CharField(required=False, allow_blank=True)
    good_practices = serializers.CharField(required=False, allow_blank=True)
    challenges = serializers.CharField(required=False, allow_blank=True)
    recommendations = serializers.CharField(required=False, allow_blank=True)
    objectives: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="number", queryset=Objective.objects.all(), many=True, required=False
    )


class AttachmentInputSerializer(serializers.Serializer):
    file = serializers.FileField()
    name = serializers.CharField(max_length=255, required=False, allow_blank=True)


# --- pledges ------------------------------------------------------------------------------------


class PledgeListSerializer(serializers.ModelSerializer):
    country: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="alpha3", read_only=True
    )
    organisation: serializers.RelatedField[Any, Any, Any] = serializers.StringRelatedField()
    cycle: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    objectives: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="number", many=True, read_only=True
    )
    principles: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="letter", many=True, read_only=True
    )

    class Meta:
        model = Pledge
        fields = [
            "id",
            "title",
            "pledge_type",
            "form",
            "matches",
            "country",
            "organisation",
            "cycle",
            "objectives",
            "principles",
            "target",
            "deadline",
            "amount",
            "currency",
            "status",
            "is_demo",
        ]


class PledgeUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = PledgeUpdate
        fields = ["id", "status", "note", "created_at"]


class PledgeDetailSerializer(PledgeListSerializer):
    partner_countries: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="alpha3", many=True, read_only=True
    )
    partner_organisations: serializers.RelatedField[Any, Any, Any] = serializers.StringRelatedField(
        many=True
    )
    updates = PledgeUpdateSerializer(many=True, read_only=True)
    matched_by: serializers.RelatedField[Any, Any, Any] = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True
    )

    class Meta(PledgeListSerializer.Meta):
        fields = [
            *PledgeListSerializer.Meta.fields,
            "description",
            "partner_countries",
            "partner_organisations",
            "matched_by",
            "updates",
        ]


class PledgeInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=255)
    description = serializers.CharField()
    pledge_type = serializers.ChoiceField(choices=Pledge.Type.choices)
    form = serializers.ChoiceField(choices=Pledge.Form.choices, default=Pledge.Form.INDIVIDUAL)
    matches = serializers.IntegerField(required=False, allow_null=True)
    country: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="alpha3", queryset=Country.objects.all(), required=False, allow_null=True
    )
    organisation: serializers.RelatedField[Any, Any, Any] = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    cycle: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="code", queryset=ReviewCycle.objects.all(), required=False, allow_null=True
    )
    objectives: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="number", queryset=Objective.objects.all(), many=True, required=False
    )
    principles: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="letter", queryset=GuidingPrinciple.objects.all(), many=True, required=False
    )
    partner_countries: serializers.RelatedField[Any, Any, Any] = serializers.SlugRelatedField(
        slug_field="alpha3", queryset=Country.objects.all(), many=True, required=False
    )
    partner_organisations: serializers.RelatedField[Any, Any, Any] = (
        serializers.PrimaryKeyRelatedField(
            queryset=Organisation.objects.all(), many=True, required=False
        )
    )
    target = serializers.CharField()
    deadline = serializers.DateField()
    amount = serializers.DecimalField(
        max_digits=16, decimal_places=2, required=False, allow_null=True
    )
    currency = CurrencyField(required=False, allow_blank=True)


class PledgeChangeSerializer(PledgeInputSerializer):
    """The same fields, all optional; the entity cannot change."""

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        fields.pop("country")
        fields.pop("organisation")
        for field in fields.values():
            field.required = False
        return fields


class PledgeUpdateInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Pledge.Status.choices)
    note = serializers.CharField()
