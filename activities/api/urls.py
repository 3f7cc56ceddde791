"""Activities API routes, under /api/v1/activities/."""

from django.urls import path

from . import views

urlpatterns = [
    path("activities/", views.ActivityListView.as_view(), name="activity-list"),
    path("activities/create/", views.ActivityCreateView.as_view(), name="activity-create"),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity-detail"),
    path(
        "activities/<int:pk>/update/",
        views.ActivityUpdateView.as_view(),
        name="activity-update",
    ),
    path(
        "activities/<int:pk>/publication/",
        views.ActivityPublicationView.as_view(),
        name="activity-publication",
    ),
]
