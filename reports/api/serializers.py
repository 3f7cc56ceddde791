"""Serializers of the reports API: jobs, their files, the request and the bulk files."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from ..models import ReportFile, ReportJob


class ReportFileSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = ReportFile
        fields = ["id", "name", "format", "size", "url"]

    def get_url(self, obj: ReportFile) -> str:
        return reverse("reports-api-report-file", args=[obj.job_id, obj.pk])


class ReportJobSerializer(serializers.ModelSerializer):
    files = ReportFileSerializer(many=True, read_only=True)

    class Meta:
        model = ReportJob
        fields = [
            "id",
            "kind",
            "parameters",
            "status",
            "progress",
            "error",
            "created_at",
            "started_at",
            "finished_at",
            "files",
        ]


class ReportRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[c for c in ReportJob.Kind.choices if c[0] != ReportJob.Kind.BULK_EXPORT]
    )
    parameters = serializers.DictField(child=serializers.CharField(), required=False)


class BulkFileSerializer(serializers.Serializer):
    name = serializers.CharField()
    format = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.CharField()
