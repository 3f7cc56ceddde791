"""Public read-only endpoints for countries and regions."""

from rest_framework import viewsets

from core.api.permissions import PublicReadOnly
from countries import selectors
from countries.filters import CountryFilter

from . import serializers


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    """UN Member and observer States with their M49 and review regions. Public."""

    permission_classes = [PublicReadOnly]
    lookup_field = "alpha3"
    lookup_value_regex = r"[A-Za-z]{3}"
    filterset_class = CountryFilter
    ordering_fields = ["name", "alpha3"]

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.country_detail_queryset()
        return selectors.country_list()

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.CountryDetailSerializer
        return serializers.CountryListSerializer


class M49RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """M49 regions with their sub-regions. Public."""

    permission_classes = [PublicReadOnly]
    lookup_field = "code"
    queryset = selectors.m49_region_list()
    serializer_class = serializers.M49RegionSerializer


class ReviewRegionViewSet(viewsets.ReadOnlyModelViewSet):
    """The UN regional commissions' areas used for regional reviews. Public."""

    permission_classes = [PublicReadOnly]
    lookup_field = "code"
    queryset = selectors.review_region_list()
    serializer_class = serializers.ReviewRegionSerializer
