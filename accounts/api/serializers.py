"""Serializers of the current user."""

from rest_framework import serializers

from accounts.models import RoleMembership, User


class MembershipSerializer(serializers.ModelSerializer):
    # Each scope is set only for the roles that need it (ROLE_SCOPES): null otherwise.
    country = serializers.SlugRelatedField(slug_field="alpha3", read_only=True, allow_null=True)
    organisation = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    review_region = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = RoleMembership
        fields = ["role", "country", "organisation", "review_region"]


class MeSerializer(serializers.ModelSerializer):
    memberships = MembershipSerializer(many=True, read_only=True)

    class Meta:
        model = User
        fields = ["id", "email", "full_name", "memberships"]
