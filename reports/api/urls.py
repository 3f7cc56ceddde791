"""Reports API routes (mounted under /api/v1/, at the paths they had in the reviews API)."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("reports/", views.ReportListView.as_view(), name="reports-api-report-list"),
    path("reports/bulk/", views.BulkDownloadListView.as_view(), name="reports-api-report-bulk"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="reports-api-report-detail"),
    path(
        "reports/<int:pk>/files/<int:file_id>/",
        views.ReportFileView.as_view(),
        name="reports-api-report-file",
    ),
]
