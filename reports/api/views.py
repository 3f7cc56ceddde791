"""API views of the reports app: request and poll jobs, download files, list bulk downloads.

Errors of the services (bad parameters, refused, service unavailable) are rendered by the one
API exception handler (``core.api.errors``) with the status their class carries.
"""

from __future__ import annotations

from django.http import FileResponse
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.parsers import JSONParser
from core.api.permissions import PublicReadOnly

from .. import selectors, services
from ..views import report_file_response
from . import serializers as s


class ReportListView(generics.ListAPIView):
    """Your report jobs. POST requests one: 202 with a new job, 200 with the running one."""

    permission_classes = [IsAuthenticated]
    serializer_class = s.ReportJobSerializer
    parser_classes = [JSONParser, FormParser]

    def get_queryset(self):
        return selectors.report_list(self.request.user)

    @extend_schema(request=s.ReportRequestSerializer, responses={202: s.ReportJobSerializer})
    def post(self, request: Request) -> Response:
        data = s.ReportRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        job, created = services.request_report(
            actor=request.user,
            kind=data.validated_data["kind"],
            parameters=data.validated_data.get("parameters", {}),
        )
        fresh = selectors.report_list(request.user).get(pk=job.pk)
        return Response(
            s.ReportJobSerializer(fresh).data,
            status=status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK,
        )


class ReportDetailView(generics.RetrieveAPIView):
    """Poll a report job's status and progress (only who requested it)."""

    permission_classes = [IsAuthenticated]
    serializer_class = s.ReportJobSerializer

    def get_queryset(self):
        return selectors.report_list(self.request.user)


class ReportFileView(APIView):
    """Download a report file: yours, or a public bulk export."""

    permission_classes = [AllowAny]

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    def get(self, request: Request, pk: int, file_id: int) -> FileResponse:
        return report_file_response(request.user, pk, file_id)


class BulkDownloadListView(APIView):
    """The public bulk downloads (regenerated nightly), with their stable URLs."""

    permission_classes = [PublicReadOnly]

    @extend_schema(responses=s.BulkFileSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(s.BulkFileSerializer(selectors.bulk_files(request), many=True).data)
