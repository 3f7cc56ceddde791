"""Public pages that belong to no domain app: home, about, health."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from . import health
from .home import home_figures


def home(request: HttpRequest) -> HttpResponse:
    """Public. The counts come from the apps that own them (see ``core.home``)."""
    return render(request, "core/home.html", home_figures())


def about(request: HttpRequest) -> HttpResponse:
    """Public."""
    return render(request, "core/about.html")


@never_cache
def health_live(request: HttpRequest) -> JsonResponse:
    """Public liveness check: the process answers (touches no database, cache or broker)."""
    return JsonResponse({"status": "ok"})


@never_cache
def health_ready(request: HttpRequest) -> JsonResponse:
    """Public readiness check: PostgreSQL, Redis and workers, each reported; 503 if not ready."""
    ready, report = health.readiness()
    return JsonResponse(report, status=200 if ready else 503)


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Not found: JSON in the API's error format under /api/, a page elsewhere."""
    if _wants_json(request):
        return JsonResponse(
            {"detail": str(_("Not found.")), "code": "not_found", "errors": {}}, status=404
        )
    return render(request, "404.html", status=404)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(
            {
                "detail": str(_("You do not have permission to perform this action.")),
                "code": "permission_denied",
                "errors": {},
            },
            status=403,
        )
    return render(request, "403.html", status=403)


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(
            {"detail": str(_("Bad request.")), "code": "bad_request", "errors": {}}, status=400
        )
    return render(request, "400.html", status=400)


def error_500(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(
            {"detail": str(_("Server error.")), "code": "server_error", "errors": {}}, status=500
        )
    return render(request, "500.html", status=500)
