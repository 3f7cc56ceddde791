"""One error format for the API: ``{"detail": str, "code": str, "errors": {field: [msg]}}``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import NON_FIELD, DomainError


def _flatten(data: Any) -> dict[str, list[str]]:
    """Turn DRF's nested error data into ``{field: [messages]}`` (nested fields dotted)."""
    out: dict[str, list[str]] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), sub)
        elif isinstance(value, list):
            if all(not isinstance(v, dict | list) for v in value):
                out.setdefault(prefix or NON_FIELD, []).extend(str(v) for v in value)
            else:
                for index, sub in enumerate(value):
                    if sub:
                        walk(f"{prefix}.{index}" if prefix else str(index), sub)
        else:
            out.setdefault(prefix or NON_FIELD, []).append(str(value))

    walk("", data)
    return out


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Render domain errors, validation errors and HTTP errors in one shape."""
    if isinstance(exc, DomainError):
        return Response(exc.as_body(_("Invalid input.")), status=exc.http_status)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(DomainError.from_validation_error(exc).errors)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(response.data)
        first = next(iter(errors.values()), [_("Invalid input.")])
        response.data = {
            "detail": _("Invalid input: %(message)s") % {"message": first[0]},
            "code": "invalid",
            "errors": errors,
        }
    elif isinstance(response.data, dict) and "detail" in response.data:
        detail = response.data["detail"]
        response.data = {
            "detail": str(detail),
            "code": getattr(detail, "code", "error"),
            "errors": {},
        }
    return response
