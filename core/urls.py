"""URLs of the core pages."""

from django.urls import path

from . import downloads, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("health/", views.health, name="health"),
    path("files/<slug:kind>/<int:pk>/", downloads.download, name="file-download"),
]
