"""URLs of the core pages."""

from django.urls import path, re_path

from . import downloads, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    # /health/ is the readiness report; /health/live and /health/ready (with or without the
    # trailing slash, as probes are configured either way) are the two probes.
    path("health/", views.health_ready, name="health"),
    re_path(r"^health/live/?$", views.health_live, name="health-live"),
    re_path(r"^health/ready/?$", views.health_ready, name="health-ready"),
    path("files/<slug:kind>/<int:pk>/", downloads.download, name="file-download"),
]
