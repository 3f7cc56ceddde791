"""Reports app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from core.downloads import register_file_kind

        from .selectors import report_job_file

        register_file_kind("report-file", report_job_file)
