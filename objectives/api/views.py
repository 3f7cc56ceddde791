"""Public read-only endpoints of the reference framework."""

from rest_framework import viewsets

from core.api.permissions import PublicReadOnly
from objectives import selectors
from objectives.filters import ObjectiveFilter, SDGTargetFilter

from . import serializers


class ObjectiveViewSet(viewsets.ReadOnlyModelViewSet):
    """The 23 GCM objectives. Public."""

    permission_classes = [PublicReadOnly]
    lookup_field = "number"
    lookup_value_regex = r"[0-9]+"
    filterset_class = ObjectiveFilter
    ordering_fields = ["number"]

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.objective_detail_queryset()
        return selectors.objective_list()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ObjectiveDetailSerializer
        return serializers.ObjectiveListSerializer


class GuidingPrincipleViewSet(viewsets.ReadOnlyModelViewSet):
    """The 10 guiding principles (GCM para 15). Public."""

    permission_classes = [PublicReadOnly]
    lookup_field = "letter"
    queryset = selectors.principle_list()
    serializer_class = serializers.GuidingPrincipleSerializer


class ThematicAreaViewSet(viewsets.ReadOnlyModelViewSet):
    """Thematic areas with their (editable) objective mapping. Public."""

    permission_classes = [PublicReadOnly]
    lookup_field = "code"
    queryset = selectors.thematic_area_list()
    serializer_class = serializers.ThematicAreaSerializer


class SDGTargetViewSet(viewsets.ReadOnlyModelViewSet):
    """SDG targets linked to GCM objectives. Public."""

    permission_classes = [PublicReadOnly]
    lookup_field = "code"
    lookup_value_regex = r"[0-9]+\.[0-9a-z]+"
    queryset = selectors.sdg_target_list()
    serializer_class = serializers.SDGTargetSerializer
    filterset_class = SDGTargetFilter


class ProcessStepViewSet(viewsets.ReadOnlyModelViewSet):
    """The six-step process with actions, guiding questions, checklist items and tools. Public."""

    permission_classes = [PublicReadOnly]
    lookup_field = "number"
    queryset = selectors.process_step_list()
    serializer_class = serializers.ProcessStepSerializer
