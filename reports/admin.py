"""Admin for report jobs and their files (history-aware)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ReportFile, ReportJob


class ReportFileInline(admin.TabularInline):
    model = ReportFile
    extra = 0


@admin.register(ReportJob)
class ReportJobAdmin(SimpleHistoryAdmin):
    list_display = ["id", "kind", "requested_by", "status", "progress", "created_at"]
    list_filter = ["kind", "status"]
    readonly_fields = ["parameters_key"]
    inlines = [ReportFileInline]
