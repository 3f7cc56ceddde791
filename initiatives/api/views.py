"""API views: public reads with the facets as filters; one view per write command."""

from __future__ import annotations

from typing import Any, cast

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from core.api.permissions import PublicReadOnly
from core.errors import DomainError
from countries.models import M49Region

from .. import aggregates, permissions, selectors, services
from ..filters import InitiativeFilter
from ..models import Initiative, Source
from . import serializers as s


def _actor(request: Request) -> User:
    """The signed-in user (every write view requires authentication)."""
    return cast(User, request.user)


def _visible_or_404(request: Request, pk: int) -> Initiative:
    return get_object_or_404(selectors.visible_initiatives(request.user), pk=pk)


def _detail(request: Request, initiative: Initiative, code: int = 200) -> Response:
    fresh = selectors.initiative_detail_queryset().get(pk=initiative.pk)
    cls = (
        s.InitiativeOwnerDetailSerializer
        if permissions.can_see_private_contact(request.user, fresh)
        else s.InitiativeDetailSerializer
    )
    return Response(cls(fresh, context={"request": request}).data, status=code)


class InitiativeListView(generics.ListAPIView):
    """Published initiatives (plus your own and, for moderators, those to review). Public.

    Filters: every facet of the public list, `q` for full-text search, `ordering`.
    """

    permission_classes = [PublicReadOnly]
    serializer_class = s.InitiativeListSerializer
    filterset_class = InitiativeFilter
    ordering_fields = ["published_at", "title", "start_date", "updated_at"]

    def get_queryset(self) -> Any:
        return selectors.for_list(selectors.visible_initiatives(self.request.user))

    def kept_count(self, queryset: Any) -> Any:
        """Anonymous readers' totals are kept between publications (no COUNT per page)."""
        if self.request.user.is_authenticated:
            return None
        params = {k: self.request.query_params.getlist(k) for k in self.request.query_params}
        params.pop("page", None)
        return lambda: aggregates.cached("list-count", params, queryset.count)


class InitiativeDetailView(APIView):
    """One initiative; the private focal point only for its organisation and moderators."""

    permission_classes = [PublicReadOnly]

    @extend_schema(responses=s.InitiativeDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return _detail(request, _visible_or_404(request, pk))


class InitiativeCreateView(APIView):
    """Start a draft for your organisation."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=s.InitiativeCreateSerializer, responses=s.InitiativeOwnerDetailSerializer
    )
    def post(self, request: Request) -> Response:
        ser = s.InitiativeCreateSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.to_service_data()
        organisation = data.pop("organisation")
        initiative = services.create_initiative(
            actor=_actor(request),
            organisation=organisation,
            data=data,
            source=Source.API,
        )
        return _detail(request, initiative, status.HTTP_201_CREATED)


class InitiativeUpdateView(APIView):
    """Change a draft; changing a published initiative opens a revision (returned)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=s.InitiativeInputSerializer, responses=s.InitiativeOwnerDetailSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        initiative = _visible_or_404(request, pk)
        ser = s.InitiativeInputSerializer(data=request.data, partial=True)
        ser.is_valid(raise_exception=True)
        target = services.update_initiative(
            actor=_actor(request),
            initiative=initiative,
            data=ser.to_service_data(),
        )
        return _detail(request, target)


class InitiativeSubmitView(APIView):
    """Send a complete draft to the moderators."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=s.InitiativeOwnerDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        initiative = _visible_or_404(request, pk)
        target = services.submit_initiative(actor=_actor(request), initiative=initiative)
        return _detail(request, target)


class InitiativePublishView(APIView):
    """Moderators: publish a submitted initiative."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=s.NoteInputSerializer, responses=s.InitiativeOwnerDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        initiative = _visible_or_404(request, pk)
        ser = s.NoteInputSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        target = services.publish_initiative(
            actor=_actor(request),
            initiative=initiative,
            note=ser.validated_data["note"],
        )
        return _detail(request, target)


class InitiativeRequestChangesView(APIView):
    """Moderators: return a submitted initiative with a reason."""

    permission_classes = [IsAuthenticated]
    service = staticmethod(services.request_changes)

    @extend_schema(request=s.ReasonInputSerializer, responses=s.InitiativeOwnerDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        initiative = _visible_or_404(request, pk)
        ser = s.ReasonInputSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        target = self.service(
            actor=_actor(request),
            initiative=initiative,
            reason=ser.validated_data["reason"],
        )
        return _detail(request, target)


class InitiativeRejectView(InitiativeRequestChangesView):
    """Moderators: reject a submitted initiative with a reason."""

    service = staticmethod(services.reject_initiative)


class OrganisationListView(generics.ListAPIView):
    """Approved organisations with their number of published initiatives. Public."""

    permission_classes = [PublicReadOnly]
    serializer_class = s.OrganisationSerializer
    queryset = selectors.organisation_list()
    filterset_fields = ["country__alpha3", "type__code"]
    ordering_fields = ["name", "published_initiatives"]


class OrganisationDetailView(generics.RetrieveAPIView):
    permission_classes = [PublicReadOnly]
    serializer_class = s.OrganisationSerializer
    queryset = selectors.organisation_list()


class CallListView(generics.ListAPIView):
    """Calls for initiatives. Public."""

    permission_classes = [PublicReadOnly]
    serializer_class = s.CallSerializer
    queryset = selectors.call_list().order_by("-deadline", "pk")


class _MappingView(APIView):
    permission_classes = [PublicReadOnly]

    def filtered(self, request: Request) -> Any:
        fs = InitiativeFilter(request.query_params, queryset=selectors.public_initiatives())
        if not fs.is_valid():
            raise DomainError(errors={k: [str(m) for m in v] for k, v in fs.errors.items()})
        return fs.qs

    def params(self, request: Request) -> dict[str, list[str]]:
        """The filter parameters given, the key under which the counts are kept."""
        return {
            k: request.query_params.getlist(k)
            for k in InitiativeFilter.base_filters
            if k in request.query_params
        }


class CountryMatrixView(_MappingView):
    """Country x objective counts of published initiatives (same filters as the list)."""

    @extend_schema(responses=s.MatrixRowSerializer(many=True))
    def get(self, request: Request) -> Response:
        data = selectors.mapping(self.filtered(request), self.params(request))
        rows = [
            {
                "code": row["country"].alpha3,
                "name": row["country"].name,
                "counts": {str(o.number): c for o, c in row["cells"] if c},
            }
            for row in data["country_rows"]
        ]
        return Response(s.MatrixRowSerializer(rows, many=True).data)


class RegionMatrixView(_MappingView):
    """M49 region x objective counts, and the objectives with no initiative in each region."""

    @extend_schema(responses=s.RegionMatrixRowSerializer(many=True))
    def get(self, request: Request) -> Response:
        by_region = selectors.region_matrix(self.filtered(request), self.params(request))
        numbers = [o.number for o in selectors.objectives()]
        rows = []
        for region in M49Region.objects.order_by("name"):
            counts = by_region.get(region.code, {})
            rows.append(
                {
                    "code": region.code,
                    "name": region.name,
                    "counts": {str(n): c for n, c in counts.items() if c},
                    "objectives_without_initiative": [n for n in numbers if not counts.get(n)],
                }
            )
        return Response(s.RegionMatrixRowSerializer(rows, many=True).data)
