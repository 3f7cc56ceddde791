"""The versioned API: /api/v1/."""

from django.urls import include, path

urlpatterns = [
    path("", include("objectives.api.urls")),
    path("", include("countries.api.urls")),
    path("", include("accounts.api.urls")),
    path("", include("initiatives.api.urls")),
    path("", include("plans.api.urls")),
    path("", include("reviews.api.urls")),
    path("", include("reports.api.urls")),
]
