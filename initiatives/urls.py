"""Initiatives pages."""

from django.urls import path

from . import views, views_join, views_mapping

app_name = "initiatives"

urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("new/", views.initiative_new, name="new"),
    path("mine/", views.my_initiatives, name="mine"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("mapping/", views_mapping.mapping, name="mapping"),
    path("export.csv", views_mapping.export_csv, name="export-csv"),
    path("export.xlsx", views_mapping.export_xlsx, name="export-xlsx"),
    path("import/", views_mapping.import_view, name="import"),
    path("join/", views_join.join, name="join"),
    path("join/done/", views_join.join_done, name="join-done"),
    path("members/<int:pk>/decide/", views_join.membership_decide, name="membership-decide"),
    path("calls/", views.call_list, name="call-list"),
    path("calls/new/", views.call_edit, name="call-new"),
    path("calls/<int:pk>/", views.call_detail, name="call-detail"),
    path("calls/<int:pk>/edit/", views.call_edit, name="call-edit"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/edit/<slug:step>/", views.initiative_edit, name="edit"),
    path("<int:pk>/revise/", views.initiative_revise, name="revise"),
    path("<int:pk>/submit/", views.initiative_submit, name="submit"),
    path("<int:pk>/delete/", views.initiative_delete, name="delete"),
    # One URL per moderation command, as in the API (publish, request changes, reject).
    path("<int:pk>/publish/", views.initiative_publish, name="publish"),
    path("<int:pk>/request-changes/", views.initiative_request_changes, name="request-changes"),
    path("<int:pk>/reject/", views.initiative_reject, name="reject"),
    path(
        "<int:pk>/evidence/<int:evidence_pk>/delete/",
        views.evidence_delete,
        name="evidence-delete",
    ),
]
