"""Initiatives pages."""

from django.urls import URLPattern, URLResolver

app_name = "initiatives"

urlpatterns: list[URLPattern | URLResolver] = []
