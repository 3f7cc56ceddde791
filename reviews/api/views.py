"""API views of the reviews app: read views over selectors, one view per command."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import selectors, services
from ..filters import CycleFilter, PledgeFilter, SubmissionFilter
from ..models import Pledge, ReviewCycle, Submission
from . import serializers as s

# --- cycles -------------------------------------------------------------------------------------


class CycleListView(generics.ListAPIView):
    """Regional review rounds and IMRF editions. Public; POST (organisers, admins) opens one."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = s.CycleSerializer
    filterset_class = CycleFilter

    def get_queryset(self):
        return selectors.cycle_list()

    @extend_schema(request=s.CycleInputSerializer, responses={201: s.CycleSerializer})
    def post(self, request: Request) -> Response:
        data = s.CycleInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cycle = services.create_cycle(actor=request.user, **data.validated_data)
        return Response(s.CycleSerializer(cycle).data, status=status.HTTP_201_CREATED)


class CycleDetailView(generics.RetrieveAPIView):
    """One cycle. Public; PATCH by the region's organisers and administrators."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = s.CycleSerializer
    lookup_field = "code"

    def get_queryset(self):
        return selectors.cycle_detail_queryset()

    @extend_schema(request=s.CycleInputSerializer, responses=s.CycleSerializer)
    def patch(self, request: Request, code: str) -> Response:
        cycle = get_object_or_404(ReviewCycle, code=code)
        data = s.CycleInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        cycle = services.update_cycle(actor=request.user, cycle=cycle, **data.validated_data)
        return Response(s.CycleSerializer(cycle).data)


# --- submissions --------------------------------------------------------------------------------


class SubmissionListView(generics.ListAPIView):
    """Submitted reviews and inputs, plus the drafts of your country or organisation."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = s.SubmissionListSerializer
    filterset_class = SubmissionFilter

    def get_queryset(self):
        return selectors.submission_list(self.request.user)

    @extend_schema(
        request=s.SubmissionInputSerializer, responses={201: s.SubmissionDetailSerializer}
    )
    def post(self, request: Request) -> Response:
        data = s.SubmissionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        submission = services.create_submission(actor=request.user, **data.validated_data)
        return Response(
            s.SubmissionDetailSerializer(submission).data, status=status.HTTP_201_CREATED
        )


class SubmissionDetailView(generics.RetrieveAPIView):
    """One submission (drafts only for their authors). PATCH edits a draft in the window."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = s.SubmissionDetailSerializer

    def get_queryset(self):
        return selectors.submission_detail_queryset(self.request.user)

    @extend_schema(request=s.SubmissionUpdateSerializer, responses=s.SubmissionDetailSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        submission: Submission = self.get_object()
        data = s.SubmissionUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        submission = services.update_submission(
            actor=request.user, submission=submission, **data.validated_data
        )
        return Response(s.SubmissionDetailSerializer(self.get_object()).data)


class SubmissionSubmitView(APIView):
    """Submit a draft (its author only, within the window)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=s.SubmissionDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        submission = get_object_or_404(selectors.submission_list(request.user), pk=pk)
        services.submit_submission(actor=request.user, submission=submission)
        fresh = selectors.submission_detail_queryset(request.user).get(pk=pk)
        return Response(s.SubmissionDetailSerializer(fresh).data)


class SubmissionAttachmentView(APIView):
    """Attach a file (PDF, Word, spreadsheet, image) to a draft."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request=s.AttachmentInputSerializer, responses={201: s.AttachmentSerializer})
    def post(self, request: Request, pk: int) -> Response:
        submission = get_object_or_404(selectors.submission_list(request.user), pk=pk)
        data = s.AttachmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        attachment = services.add_submission_attachment(
            actor=request.user,
            submission=submission,
            upload=data.validated_data["file"],
            name=data.validated_data.get("name", ""),
        )
        return Response(s.AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)


# --- pledges ------------------------------------------------------------------------------------


class PledgeListView(generics.ListAPIView):
    """Pledges, public. Filters: type, form, status, objective, region, country, organisation,
    entity (country / organisation), cycle. POST records a pledge for your country or
    organisation."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = s.PledgeListSerializer
    filterset_class = PledgeFilter
    ordering_fields = ["deadline", "created_at", "id"]

    def get_queryset(self):
        return selectors.pledge_list()

    @extend_schema(request=s.PledgeInputSerializer, responses={201: s.PledgeDetailSerializer})
    def post(self, request: Request) -> Response:
        data = s.PledgeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        pledge = services.create_pledge(actor=request.user, **data.validated_data)
        fresh = selectors.pledge_detail_queryset().get(pk=pledge.pk)
        return Response(s.PledgeDetailSerializer(fresh).data, status=status.HTTP_201_CREATED)


class PledgeDetailView(generics.RetrieveAPIView):
    """One pledge with its partners and status updates. PATCH by its entity."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = s.PledgeDetailSerializer

    def get_queryset(self):
        return selectors.pledge_detail_queryset()

    @extend_schema(request=s.PledgeChangeSerializer, responses=s.PledgeDetailSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        pledge: Pledge = self.get_object()
        data = s.PledgeChangeSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.update_pledge(actor=request.user, pledge=pledge, **data.validated_data)
        return Response(s.PledgeDetailSerializer(self.get_object()).data)


class PledgeStatusUpdateView(APIView):
    """Post a status update on a pledge (its entity only)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=s.PledgeUpdateInputSerializer, responses={201: s.PledgeUpdateSerializer})
    def post(self, request: Request, pk: int) -> Response:
        pledge = get_object_or_404(Pledge, pk=pk)
        data = s.PledgeUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        update = services.post_pledge_update(
            actor=request.user, pledge=pledge, **data.validated_data
        )
        return Response(s.PledgeUpdateSerializer(update).data, status=status.HTTP_201_CREATED)
