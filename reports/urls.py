"""Report pages. Mounted at /reviews/ as before the reports app existed, so the addresses
people bookmarked (My reports, the stable bulk download URLs) do not change."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "reports"

urlpatterns: list[URLPattern | URLResolver] = [
    path("reports/", views.report_list, name="report-list"),
    path("reports/request/", views.report_request, name="report-request"),
    path("reports/<int:pk>/", views.report_progress, name="report-detail"),
    path("reports/<int:pk>/files/<int:file_id>/", views.report_file, name="report-file"),
    path("downloads/", views.bulk_downloads, name="bulk-downloads"),
    path("downloads/<str:name>", views.bulk_download, name="bulk-download"),
]
