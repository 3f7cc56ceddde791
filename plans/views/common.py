"""Helpers shared by the plan pages."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from core.errors import DomainError
from objectives.models import ProcessStep

from .. import selectors
from ..models import (
    Plan,
)
from ..permissions import can_coordinate_plan, can_edit_plan, can_view_part, visible_parts


def _plan(request: HttpRequest, alpha3: str, part: str = "publish_plan") -> Plan:
    plan = selectors.plan_for_country(request.user, alpha3)
    if not can_view_part(request.user, plan, part):
        raise Http404
    return plan


def _require_edit(request: HttpRequest, plan: Plan) -> None:
    if not can_edit_plan(request.user, plan):
        raise PermissionDenied


def _require_coordinator(request: HttpRequest, plan: Plan) -> None:
    if not can_coordinate_plan(request.user, plan):
        raise PermissionDenied


def _base(request: HttpRequest, plan: Plan, **extra: Any) -> dict[str, Any]:
    return {
        "plan": plan,
        "parts": visible_parts(request.user, plan),
        "can_edit": can_edit_plan(request.user, plan),
        "can_coordinate": can_coordinate_plan(request.user, plan),
        "steps_nav": ProcessStep.objects.order_by("number").values("number", "name"),
        **extra,
    }


def _run(form: Any, fn: Any, **kwargs: Any) -> Any:
    """Call a service; on a DomainError add its messages to the form and return None."""
    try:
        return fn(**kwargs)
    except DomainError as exc:
        exc.add_to_form(form)
        return None
