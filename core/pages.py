"""The page mapper: turns a DomainError into a page response, the one place pages do so.

``DomainErrorMiddleware`` renders any DomainError that escapes a page view: a 403, 404, 409,
503 or 400 page carrying the service's message. Form views that want the messages on the form
call :func:`form_error_status` inside ``except DomainError``: field-level errors (400, 409) go
on the form and the view re-renders it with the returned status; a refusal of the request as a
whole (403, 404, 503) propagates to the middleware. A command without a form (submit,
delete) calls :func:`message_error_status` instead, which shows the messages on the page the
view re-renders. Either way the status is the one the API answers for the same request.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.errors import DomainError

_TEMPLATES = {403: "403.html", 404: "404.html"}


def _title(status: int) -> str:
    return {
        400: _("The request could not be carried out"),
        403: _("Access denied"),
        404: _("Page not found"),
        409: _("Changed in the meantime"),
        503: _("Temporarily unavailable"),
    }.get(status, _("The request could not be carried out"))


def domain_error_response(request: HttpRequest, exc: DomainError) -> HttpResponse:
    """Render ``exc`` as a page (or JSON under /api/) with its status."""
    status = exc.http_status
    if request.path.startswith("/api/"):
        return JsonResponse(exc.as_body(_("Invalid input.")), status=status)
    template = _TEMPLATES.get(status, "domain_error.html")
    return render(
        request,
        template,
        {"error": exc, "error_title": _title(status), "error_message": str(exc)},
        status=status,
    )


def page_error_status(exc: DomainError) -> int:
    """The status to re-render a page with; a refusal of the whole request is re-raised.

    For views that show the service's messages their own way (a list of problems).
    """
    if exc.refuses_request:
        raise exc
    return exc.http_status


def form_error_status(exc: DomainError, form: object) -> int:
    """Put a service's field errors on ``form`` and return the status to re-render with.

    A refusal of the whole request (forbidden, not found, unavailable) is re-raised for the
    middleware, so the page answers exactly what the API answers.
    """
    status = page_error_status(exc)
    exc.add_to_form(form)
    return status


def message_error_status(request: HttpRequest, exc: DomainError) -> int:
    """For a command without a form: show the service's messages, return the status.

    The view re-renders its page with that status; a refusal of the whole request is re-raised
    for the middleware, as in :func:`form_error_status`.
    """
    status = page_error_status(exc)
    for field_messages in exc.errors.values():
        for message in field_messages:
            messages.error(request, message)
    return status


class DomainErrorMiddleware:
    """Maps a DomainError raised by a page view to its response; everything else passes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DomainError):
            return domain_error_response(request, exception)
        return None
