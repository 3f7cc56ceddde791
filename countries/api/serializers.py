"""Output serializers for countries and regions."""

from rest_framework import serializers

from countries.models import (
    CommissionMembership,
    Country,
    CountryDesignation,
    M49Region,
    M49SubRegion,
    ReviewRegion,
)


class M49SubRegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = M49SubRegion
        fields = ["code", "name"]


class M49RegionSerializer(serializers.ModelSerializer):
    subregions = M49SubRegionSerializer(many=True, read_only=True)

    class Meta:
        model = M49Region
        fields = ["code", "name", "subregions"]


class ReviewRegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReviewRegion
        fields = ["code", "name"]


class CountryDesignationSerializer(serializers.ModelSerializer):
    class Meta:
        model = CountryDesignation
        fields = ["designation", "as_of", "source"]


class CommissionMembershipSerializer(serializers.ModelSerializer):
    review_region = serializers.CharField(source="review_region.code")
    review_region_name = serializers.CharField(source="review_region.name")

    class Meta:
        model = CommissionMembership
        fields = ["review_region", "review_region_name", "is_regional", "as_of", "source"]


class CountryListSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="m49_region.code")
    region_name = serializers.CharField(source="m49_region.name")
    subregion = serializers.CharField(source="m49_subregion.code")
    subregion_name = serializers.CharField(source="m49_subregion.name")
    review_regions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Country
        fields = [
            "alpha2",
            "alpha3",
            "numeric",
            "name",
            "un_status",
            "region",
            "region_name",
            "subregion",
            "subregion_name",
            "review_regions",
        ]


class CountryDetailSerializer(CountryListSerializer):
    designations = CountryDesignationSerializer(many=True, read_only=True)
    commission_memberships = CommissionMembershipSerializer(many=True, read_only=True)

    class Meta(CountryListSerializer.Meta):
        fields = [
            *CountryListSerializer.Meta.fields,
            "official_name",
            "designations",
            "commission_memberships",
        ]
