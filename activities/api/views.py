"""Activities API: public reads with the list page's filters; one view per write command.

Writes are for UN Network moderators and administrators; the service decides, so a member's
attempt is a 403 from the service's ForbiddenError.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.permissions import PublicReadOnly

from .. import selectors, services
from ..filters import ActivityFilter
from ..models import NationalActivity
from . import serializers as s


def _detail(request: Request, activity: NationalActivity, code: int = 200) -> Response:
    fresh = selectors.activity_detail(request.user).get(pk=activity.pk)
    return Response(s.ActivityDetailSerializer(fresh).data, status=code)


class ActivityListView(generics.ListAPIView):
    """National implementation activities with their sources. Public.

    Filters: country (alpha-3), region (M49 code), kind, initiator_type, objective (number),
    source_document, predates_gcm.
    """

    permission_classes = [PublicReadOnly]
    serializer_class = s.ActivityListSerializer
    filterset_class = ActivityFilter
    ordering_fields = ["year", "date", "order"]

    def get_queryset(self) -> QuerySet[NationalActivity]:
        return selectors.activity_list(self.request.user)


class ActivityDetailView(generics.RetrieveAPIView):
    """One activity. Public when published."""

    permission_classes = [PublicReadOnly]
    serializer_class = s.ActivityDetailSerializer

    def get_queryset(self) -> QuerySet[NationalActivity]:
        return selectors.activity_detail(self.request.user)


class ActivityCreateView(APIView):
    """Moderators: record an activity."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=s.ActivityInputSerializer, responses=s.ActivityDetailSerializer)
    def post(self, request: Request) -> Response:
        ser = s.ActivityInputSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        activity = services.create_activity(actor=request.user, data=ser.to_service_data())
        return _detail(request, activity, status.HTTP_201_CREATED)


class ActivityUpdateView(APIView):
    """Moderators: correct an activity (send only the fields to change)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=s.ActivityInputSerializer, responses=s.ActivityDetailSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        activity = get_object_or_404(selectors.activity_detail(request.user), pk=pk)
        ser = s.ActivityInputSerializer(data=request.data, partial=True)
        ser.is_valid(raise_exception=True)
        activity = services.update_activity(
            actor=request.user, activity=activity, data=ser.to_service_data()
        )
        return _detail(request, activity)


class ActivityPublicationView(APIView):
    """Moderators: publish (true) or withdraw (false) an activity."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=s.PublishInputSerializer, responses=s.ActivityDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        activity = get_object_or_404(selectors.activity_detail(request.user), pk=pk)
        ser = s.PublishInputSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        activity = services.set_activity_published(
            actor=request.user, activity=activity, published=ser.validated_data["published"]
        )
        return _detail(request, activity)
