"""Checks shared by the plan services (``apply_fields`` and ``set_history_user`` come from core)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from accounts.models import Organisation
from core.errors import DomainError, ForbiddenError
from core.services import apply_fields, set_history_user
from objectives.models import OBJECTIVE_COUNT, Objective

from ..models import Plan
from ..permissions import can_coordinate_plan, can_edit_plan


def require_editor(actor: Any, plan: Plan) -> None:
    if not can_edit_plan(actor, plan):
        raise ForbiddenError(
            _("Only the government officials of %(country)s may change this plan.")
            % {"country": plan.country.name},
        )


def require_coordinator(actor: Any, plan: Plan) -> None:
    if not can_coordinate_plan(actor, plan):
        raise ForbiddenError(
            _("Only the national coordinator of %(country)s may do this.")
            % {"country": plan.country.name},
        )


def lock_plan(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().select_related("country").get(pk=plan.pk)


def objectives_by_number(numbers: Iterable[int], *, field: str = "objectives") -> list[Objective]:
    """The objectives with these numbers; an unknown number (e.g. 24) is a clear error."""
    wanted = []
    for raw in numbers:
        try:
            number = int(raw)
        except (TypeError, ValueError):
            raise DomainError(
                _("“%(value)s” is not an objective number.") % {"value": raw}, field=field
            ) from None
        wanted.append(number)
    bad = [n for n in wanted if not 1 <= n <= OBJECTIVE_COUNT]
    if bad:
        raise DomainError(
            _("There is no GCM objective %(number)s; objectives are numbered 1 to %(max)d.")
            % {"number": ", ".join(str(n) for n in bad), "max": OBJECTIVE_COUNT},
            field=field,
        )
    found = {o.number: o for o in Objective.objects.filter(number__in=wanted)}
    return [found[n] for n in dict.fromkeys(wanted)]


def country_entities(
    plan: Plan, ids: Iterable[int | None], *, field: str
) -> dict[int, Organisation]:
    """Organisations of the plan's country with these ids, or a clear error."""
    wanted = {int(i) for i in ids if i is not None}
    found = {o.pk: o for o in Organisation.objects.filter(pk__in=wanted, country=plan.country_id)}
    if set(found) != wanted:
        raise DomainError(
            _("Choose government entities or organisations of %(country)s.")
            % {"country": plan.country.name},
            field=field,
        )
    return found


__all__ = [
    "apply_fields",
    "country_entities",
    "lock_plan",
    "objectives_by_number",
    "require_coordinator",
    "require_editor",
    "set_history_user",
]
