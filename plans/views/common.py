"""What the plan pages share: the plan lookup, the page frame and the command runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from django.core.exceptions import PermissionDenied
from django.forms import BaseForm
from django.http import Http404, HttpRequest

from core.errors import DomainError
from core.pages import form_error_status

from .. import selectors
from ..models import Plan
from ..permissions import can_coordinate_plan, can_edit_plan, can_view_part, visible_parts


def _plan(request: HttpRequest, alpha3: str, part: str = "publish_plan") -> Plan:
    """The plan, or a 404 when the reader may not see it (or this part of it)."""
    plan = selectors.plan_for_country(request.user, alpha3)
    if not can_view_part(request.user, plan, part):
        raise Http404
    return plan


def _require_edit_page(request: HttpRequest, plan: Plan) -> None:
    """Guard a page (not a command) only the plan's officials read: a 403 for the others."""
    if not can_edit_plan(request.user, plan):
        raise PermissionDenied


def _base(request: HttpRequest, plan: Plan, **extra: Any) -> dict[str, Any]:
    return {
        "plan": plan,
        "parts": visible_parts(request.user, plan),
        "can_edit": can_edit_plan(request.user, plan),
        "can_coordinate": can_coordinate_plan(request.user, plan),
        "steps_nav": selectors.steps_nav(),
        **extra,
    }


class Submission(NamedTuple):
    """What a command produced: the service's result, or the status to re-render the form."""

    value: Any
    error_status: int | None

    @property
    def ok(self) -> bool:
        return self.error_status is None


def submit(form: BaseForm, call: Callable[[dict[str, Any]], Any]) -> Submission:
    """Validate ``form``, then call one service with its cleaned data.

    Invalid input gives 400; a service's field errors go on the form with the service's status
    (400, 409); a refusal of the whole request (403, 404, 503) propagates to the page mapper.
    """
    if not form.is_valid():
        return Submission(None, 400)
    try:
        return Submission(call(dict(form.cleaned_data)), None)
    except DomainError as exc:
        return Submission(None, form_error_status(exc, form))
