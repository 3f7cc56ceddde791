"""Activity pages, under /activities/."""

from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("", views.activity_list, name="list"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("export.xlsx", views.export_xlsx, name="export-xlsx"),
    path("mmc-2019-annex-2.csv", views.annex_csv, name="annex-csv"),
    path("mapping/", views.mapping, name="mapping"),
    path("new/", views.activity_create, name="create"),
    path("import/", views.import_view, name="import"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/edit/", views.activity_edit, name="edit"),
    path("<int:pk>/publish/", views.activity_publish, name="publish"),
    path("<int:pk>/withdraw/", views.activity_withdraw, name="withdraw"),
]
