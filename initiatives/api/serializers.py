"""API serializers by purpose: list, detail, owner detail (private contact), input."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import Organisation
from countries.models import Country, M49Region
from objectives.models import ActivityType, Constituency, GuidingPrinciple, Objective

from ..models import (
    CATEGORY_CHOICES,
    TITLE_MAX,
    CallForInitiatives,
    Evidence,
    Initiative,
    InitiativeObjective,
    InitiativeOutput,
    InitiativePartner,
    OutputKind,
    PartnerRole,
    Transition,
)
from ..services import SUBMITTER_FIELDS, ObjectiveChoice


class OrganisationBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "acronym"]


class OrganisationSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="type.code")
    country = serializers.CharField(source="country.alpha3", default=None)
    published_initiatives = serializers.IntegerField(read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "acronym", "type", "country", "website", "published_initiatives"]


class ObjectiveLinkSerializer(serializers.ModelSerializer):
    number = serializers.IntegerField(source="objective.number")
    primary = serializers.BooleanField(source="is_primary")
    actions = serializers.ListField(source="letters", child=serializers.CharField())

    class Meta:
        model = InitiativeObjective
        fields = ["number", "primary", "actions"]


class InitiativeListSerializer(serializers.ModelSerializer):
    organisation = OrganisationBriefSerializer()
    categories = serializers.SerializerMethodField()
    host_country = serializers.CharField(source="host_country.alpha3", default=None)
    countries: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="alpha3", many=True, read_only=True
    )
    review_regions: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        source="coverage_review_regions", slug_field="code", many=True, read_only=True
    )
    objectives = ObjectiveLinkSerializer(source="links", many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Initiative
        fields = [
            "id",
            "title",
            "summary",
            "organisation",
            "categories",
            "activity_status",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "geo_level",
            "host_country",
            "countries",
            "review_regions",
            "objectives",
            "engages_states",
            "names_gcm",
            "crisis_response",
            "state",
            "published_at",
            "url",
        ]

    def get_categories(self, obj: Initiative) -> list[str]:
        return [code for code, _label in CATEGORY_CHOICES if getattr(obj, f"is_{code}")]


class PartnerSerializer(serializers.ModelSerializer):
    class Meta:
        model = InitiativePartner
        fields = ["name", "role", "is_state"]


class OutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = InitiativeOutput
        fields = ["kind", "title", "date", "url"]


class EvidenceSerializer(serializers.ModelSerializer):
    file = serializers.FileField(read_only=True, use_url=True)

    class Meta:
        model = Evidence
        fields = ["title", "url", "file"]


class InitiativeDetailSerializer(InitiativeListSerializer):
    regions: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    activity_types: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    principles: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="letter", many=True, read_only=True
    )
    constituencies: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    partners = PartnerSerializer(many=True, read_only=True)
    outputs = OutputSerializer(many=True, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta(InitiativeListSerializer.Meta):
        fields = [
            *InitiativeListSerializer.Meta.fields,
            "description",
            "expected_outcomes",
            "timeline",
            "regions",
            "regions_text",
            "activity_types",
            "principles",
            "constituencies",
            "covers_whole_gcm",
            "objectives_raw",
            "partners",
            "other_stakeholders",
            "crisis_details",
            "outputs",
            "evidence",
            "funding_status",
            "funders",
            "call",
            "source",
            "external_id",
            "source_reference",
            "reporting_year",
        ]


class TransitionSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.email", default=None)

    class Meta:
        model = Transition
        fields = ["from_state", "to_state", "actor", "reason", "is_revision", "created_at"]


class InitiativeOwnerDetailSerializer(InitiativeDetailSerializer):
    """For the owning organisation and moderators: adds the private contact and the log."""

    transitions = TransitionSerializer(many=True, read_only=True)
    revision_of: serializers.PrimaryKeyRelatedField[Initiative] = (
        serializers.PrimaryKeyRelatedField(read_only=True)
    )

    class Meta(InitiativeDetailSerializer.Meta):
        fields = [
            *InitiativeDetailSerializer.Meta.fields,
            "contact_name",
            "contact_email",
            "contact_affiliation",
            "revision_of",
            "transitions",
        ]


# --- input ------------------------------------------------------------------------------------


class ObjectiveInputSerializer(serializers.Serializer):
    number = serializers.SlugRelatedField(
        slug_field="number", queryset=Objective.objects.all(), source="objective"
    )
    primary = serializers.BooleanField(default=False)
    actions = serializers.ListField(
        child=serializers.RegexField(r"^[a-z]$"), default=list, max_length=20
    )


class PartnerInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255)
    role = serializers.ChoiceField(choices=PartnerRole.choices, default=PartnerRole.PARTNER)
    is_state = serializers.BooleanField(default=False)


class OutputInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=OutputKind.choices)
    title = serializers.CharField(max_length=255)
    date = serializers.DateField(required=False, allow_null=True)
    url = serializers.URLField(required=False, allow_blank=True, default="")


class LinkInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=255)
    url = serializers.URLField()


class InitiativeInputSerializer(serializers.ModelSerializer):
    """Fields a submitter sets; every field optional on update (PATCH)."""

    title = serializers.CharField(max_length=TITLE_MAX, required=False)
    categories = serializers.MultipleChoiceField(choices=CATEGORY_CHOICES, required=False)
    activity_types = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=ActivityType.objects.all(), required=False
    )
    countries = serializers.SlugRelatedField(
        slug_field="alpha3", many=True, queryset=Country.objects.all(), required=False
    )
    host_country = serializers.SlugRelatedField(
        slug_field="alpha3", queryset=Country.objects.all(), required=False, allow_null=True
    )
    regions = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=M49Region.objects.all(), required=False
    )
    principles = serializers.SlugRelatedField(
        slug_field="letter", many=True, queryset=GuidingPrinciple.objects.all(), required=False
    )
    constituencies = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Constituency.objects.all(), required=False
    )
    objectives = ObjectiveInputSerializer(many=True, required=False)
    partners = PartnerInputSerializer(many=True, required=False)
    outputs = OutputInputSerializer(many=True, required=False)
    evidence_links = LinkInputSerializer(many=True, required=False)
    call = serializers.PrimaryKeyRelatedField(
        queryset=CallForInitiatives.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Initiative
        fields = list(SUBMITTER_FIELDS)
        extra_kwargs = {f: {"required": False} for f in fields}

    def to_service_data(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        if "objectives" in data:
            data["objectives"] = [
                ObjectiveChoice(o["objective"], o["primary"], tuple(o["actions"]))
                for o in data["objectives"]
            ]
        if "categories" in data:
            data["categories"] = sorted(data["categories"])
        return data


class InitiativeCreateSerializer(InitiativeInputSerializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    title = serializers.CharField(max_length=TITLE_MAX)

    class Meta(InitiativeInputSerializer.Meta):
        fields = ["organisation", *InitiativeInputSerializer.Meta.fields]
        extra_kwargs = InitiativeInputSerializer.Meta.extra_kwargs


class ReasonInputSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=5000, help_text=_("Shown to the submitter."), allow_blank=True
    )


class NoteInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class CallSerializer(serializers.ModelSerializer):
    focus_objectives: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="number", many=True, read_only=True
    )
    published_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = CallForInitiatives
        fields = [
            "id",
            "title",
            "description",
            "focus_objectives",
            "opens_on",
            "deadline",
            "published_count",
        ]


class MatrixRowSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    counts = serializers.DictField(child=serializers.IntegerField())


class RegionMatrixRowSerializer(MatrixRowSerializer):
    objectives_without_initiative = serializers.ListField(child=serializers.IntegerField())
