"""Writes on national implementation activities; moderators and administrators only.

A moderator limited to a review region changes only its countries' activities (see
``permissions.can_change_country_activities``); the refusal is a ForbiddenError (403).

Forms, serializers and the importer take their field lists from here (``ACTIVITY_FIELDS``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import ConflictError, ForbiddenError, InvalidInputError
from countries.models import Country
from objectives.models import OBJECTIVE_COUNT, Objective, ThematicArea

from .models import NationalActivity
from .permissions import can_change_country_activities, can_manage_activities

# The fields a moderator sets directly (relations are handled below).
ACTIVITY_FIELDS = (
    "place",
    "regional_scope",
    "kind",
    "type_of_action",
    "initiator_type",
    "initiator",
    "description",
    "condensed",
    "date_text",
    "date",
    "year",
    "predates_gcm",
    "source_document",
    "source_reference",
    "info_source",
    "annex_region",
    "annex_row",
    "order",
    "note",
)
RELATION_FIELDS = ("country", "thematic_area", "objectives")
REQUIRED_FIELDS = ("kind", "description", "source_document", "source_reference")


def _require_manager(actor: Any) -> None:
    if not can_manage_activities(actor):
        raise ForbiddenError(
            _("Only UN Network moderators and administrators may change activities.")
        )


def _require_scope(actor: Any, country: Country | None) -> None:
    if not can_change_country_activities(actor, country):
        if country is None:
            message = _(
                "Only moderators without a region limit may change activities that name no "
                "single country."
            )
        else:
            message = _("Your moderation region does not include %(country)s.") % {
                "country": country.name
            }
        raise ForbiddenError(message)


def objectives_by_number(numbers: Iterable[Any], *, field: str = "objectives") -> list[Objective]:
    """The objectives with these numbers; anything else is a clear error."""
    wanted: list[int] = []
    for raw in numbers:
        number = getattr(raw, "number", raw)
        try:
            wanted.append(int(number))
        except (TypeError, ValueError):
            raise InvalidInputError(
                _("“%(value)s” is not an objective number.") % {"value": raw}, field=field
            ) from None
    bad = [n for n in wanted if not 1 <= n <= OBJECTIVE_COUNT]
    if bad:
        raise InvalidInputError(
            _("There is no GCM objective %(number)s; objectives are numbered 1 to %(max)d.")
            % {"number": ", ".join(str(n) for n in bad), "max": OBJECTIVE_COUNT},
            field=field,
        )
    found = {o.number: o for o in Objective.objects.filter(number__in=wanted)}
    return [found[n] for n in dict.fromkeys(wanted)]


def _apply(activity: NationalActivity, data: dict[str, Any]) -> list[Objective] | None:
    """Set fields from ``data`` on ``activity``; return the objectives to set, if given."""
    unknown = set(data) - set(ACTIVITY_FIELDS) - set(RELATION_FIELDS) - {"key"}
    if unknown:
        raise InvalidInputError(
            _("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}
        )
    for name in ACTIVITY_FIELDS:
        if name in data:
            value = data[name]
            setattr(activity, name, "" if value is None and name not in _NULLABLE else value)
    if "country" in data:
        country = data["country"]
        if country is not None and not isinstance(country, Country):
            raise InvalidInputError(_("Choose a country from the list."), field="country")
        activity.country = country
    if "thematic_area" in data:
        area = data["thematic_area"]
        if area is not None and not isinstance(area, ThematicArea):
            raise InvalidInputError(
                _("Choose a thematic area from the list."), field="thematic_area"
            )
        activity.thematic_area = area
    if "objectives" in data:
        return objectives_by_number(data["objectives"] or [])
    return None


_NULLABLE = {"date", "year", "annex_row"}


def _full_clean(activity: NationalActivity) -> None:
    """The model's rules (country or place, date and year, predates the GCM) as a 400."""
    try:
        activity.full_clean(exclude=["key"] if activity.pk else None)
    except ValidationError as exc:
        raise InvalidInputError.from_validation_error(exc) from exc


@transaction.atomic
def create_activity(*, actor: Any, data: dict[str, Any]) -> NationalActivity:
    """Record a new, published activity; ``data`` holds ACTIVITY_FIELDS and the relations."""
    _require_manager(actor)
    missing = [f for f in REQUIRED_FIELDS if not data.get(f)]
    if missing:
        raise InvalidInputError(
            errors={f: [_("This field is required.")] for f in missing},
        )
    key = (data.get("key") or "").strip() or f"activity-{uuid.uuid4().hex[:12]}"
    if NationalActivity.objects.filter(key=key).exists():
        raise ConflictError(
            _("An activity with the key “%(key)s” exists already.") % {"key": key}, field="key"
        )
    activity = NationalActivity(key=key)
    objectives = _apply(activity, {k: v for k, v in data.items() if k != "key"})
    _require_scope(actor, activity.country)
    _full_clean(activity)
    activity._history_user = actor  # type: ignore[attr-defined]
    activity.save()
    if objectives is not None:
        activity.objectives.set(objectives)
    return activity


@transaction.atomic
def update_activity(
    *, actor: Any, activity: NationalActivity, data: dict[str, Any]
) -> NationalActivity:
    """Correct an activity's fields (a partial change)."""
    _require_manager(actor)
    if "key" in data and data["key"] != activity.key:
        raise InvalidInputError(_("The reference key cannot be changed."), field="key")
    locked = NationalActivity.objects.select_for_update().get(pk=activity.pk)
    _require_scope(actor, locked.country)
    objectives = _apply(locked, {k: v for k, v in data.items() if k != "key"})
    if "country" in data:  # moving it needs the new country's region too
        _require_scope(actor, locked.country)
    _full_clean(locked)
    locked._history_user = actor  # type: ignore[attr-defined]
    locked.save()
    if objectives is not None:
        locked.objectives.set(objectives)
    return locked


@transaction.atomic
def set_activity_published(
    *, actor: Any, activity: NationalActivity, published: bool
) -> NationalActivity:
    """Publish or withdraw an activity; doing it twice changes nothing."""
    _require_manager(actor)
    locked = NationalActivity.objects.select_for_update().get(pk=activity.pk)
    _require_scope(actor, locked.country)
    if locked.published != published:
        locked.published = published
        locked._history_user = actor  # type: ignore[attr-defined]
        locked.save(update_fields=["published", "updated_at"])
    return locked
