"""Plans pages."""

from django.urls import URLPattern, URLResolver

app_name = "plans"

urlpatterns: list[URLPattern | URLResolver] = []
