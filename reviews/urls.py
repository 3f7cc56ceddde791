"""Reviews pages (mounted at /reviews/)."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "reviews"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.cycle_list, name="cycle-list"),
    path("cycles/new/", views.cycle_create, name="cycle-create"),
    path("cycles/<slug:code>/", views.cycle_detail, name="cycle-detail"),
    path("cycles/<slug:code>/edit/", views.cycle_edit, name="cycle-edit"),
    path("cycles/<slug:code>/submit/", views.submission_create, name="submission-create"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission-detail"),
    path("submissions/<int:pk>/edit/", views.submission_edit, name="submission-edit"),
    path("submissions/<int:pk>/submit/", views.submission_submit, name="submission-submit"),
    path("submissions/<int:pk>/attach/", views.submission_attach, name="submission-attach"),
    path(
        "submissions/<int:pk>/files/<int:attachment_id>/",
        views.submission_attachment,
        name="submission-attachment",
    ),
    path("pledges/", views.pledge_dashboard, name="pledge-dashboard"),
    path("pledges/new/", views.pledge_create, name="pledge-create"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge-detail"),
    path("pledges/<int:pk>/edit/", views.pledge_edit, name="pledge-edit"),
    path("pledges/<int:pk>/status/", views.pledge_status, name="pledge-status"),
]
