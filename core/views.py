"""Public pages that belong to no domain app: home, about, health."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from countries.models import Country
from objectives.models import GuidingPrinciple, Objective


def home(request: HttpRequest) -> HttpResponse:
    """Public."""
    return render(
        request,
        "core/home.html",
        {
            "objective_count": Objective.objects.count(),
            "principle_count": GuidingPrinciple.objects.count(),
            "country_count": Country.objects.count(),
        },
    )


def about(request: HttpRequest) -> HttpResponse:
    """Public."""
    return render(request, "core/about.html")


def health(request: HttpRequest) -> JsonResponse:
    """Public liveness check: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
