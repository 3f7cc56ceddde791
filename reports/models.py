"""Report jobs generated in the background by Celery, and the files they produce.

The tables keep the names they had in the reviews app (``reviews_reportjob``,
``reviews_reportfile`` and their history tables): the models moved, the data did not.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TimeStampedModel


class ReportJob(TimeStampedModel):
    """A report generated in the background by Celery, with its status and files."""

    class Kind(models.TextChoices):
        COUNTRY_PROFILE = "country_profile", _("Country profile (PDF)")
        DRAFT_REVIEW = "draft_review", _("Draft voluntary GCM review (DOCX)")
        REGIONAL_SYNTHESIS = "regional_synthesis", _("Regional review synthesis (PDF, DOCX)")
        IMRF_SYNTHESIS = "imrf_synthesis", _("IMRF global synthesis (PDF, XLSX)")
        DATA_EXPORT = "data_export", _("Data export (CSV, XLSX)")
        BULK_EXPORT = "bulk_export", _("Public bulk downloads")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    parameters_key = models.CharField(max_length=255, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_jobs",
    )
    is_public = models.BooleanField(_("public"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The lease of the worker running the job: renewed on every progress tick. A running job
    # whose lease expired has lost its worker and may be taken over (see services._claim).
    lease_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The Celery task id holding the lease: a redelivery of that same message means its first
    # delivery died (acks_late + reject_on_worker_lost), so it takes over at once.
    lease_owner = models.CharField(max_length=255, blank=True, editable=False)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Progress ticks are written with QuerySet.update(): they skip the history on purpose.
    history = HistoricalRecords(
        excluded_fields=["progress", "lease_expires_at"], table_name="reviews_historicalreportjob"
    )

    class Meta:
        # The table of the reviews app, where report jobs lived first: moved without copying.
        db_table = "reviews_reportjob"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "parameters_key", "requested_by"],
                condition=Q(status__in=["queued", "running"]),
                name="one_active_report_per_request",
                nulls_distinct=False,
            )
        ]
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("reports:report-detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def label(self) -> str:
        """The kind and its parameters, for lists."""
        params = ", ".join(f"{v}" for _k, v in sorted(self.parameters.items()))
        return f"{self.get_kind_display()}: {params}" if params else str(self.get_kind_display())


class ReportFile(TimeStampedModel):
    """One file produced by a report job."""

    job = models.ForeignKey(ReportJob, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="reports/%Y/%m/", max_length=255)
    name = models.CharField(_("name"), max_length=255)
    format = models.CharField(_("format"), max_length=10)
    size = models.PositiveIntegerField(_("size"), default=0)
    history = HistoricalRecords(table_name="reviews_historicalreportfile")

    class Meta:
        db_table = "reviews_reportfile"
        ordering = ["name"]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reports:report-file", args=[self.job_id, self.pk])
