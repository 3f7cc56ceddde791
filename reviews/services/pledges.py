"""Writes of pledges and their status updates."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Organisation
from core.currencies import invalid_currency_message, is_active_currency
from core.errors import ConflictError, DomainError, ForbiddenError, full_clean_or_raise
from core.services import apply_fields
from countries.models import Country
from objectives.models import GuidingPrinciple, Objective

from ..models import Pledge, PledgeUpdate, ReviewCycle
from ..permissions import can_edit_pledge, can_pledge_for_country, can_pledge_for_organisation

SCALAR_FIELDS = (
    "title",
    "description",
    "pledge_type",
    "form",
    "target",
    "deadline",
    "amount",
    "currency",
    "cycle",
)
M2M_FIELDS = ("objectives", "principles", "partner_countries", "partner_organisations")


# How each related list may be given besides model instances: by its natural key.
NATURAL_KEYS = {
    Objective: "number",
    GuidingPrinciple: "letter",
    Country: "alpha3",
    Organisation: "pk",
}


def _fetch(model: type[Any], values: Iterable[Any] | None, field: str) -> list[Any]:
    """Instances, or natural keys (objective numbers, principle letters, ISO3 codes, ids)."""
    values = list(values or [])
    pks = {v.pk for v in values if isinstance(v, model)}
    keys = {v for v in values if not isinstance(v, model)}
    key = NATURAL_KEYS[model]
    found = list(model.objects.filter(pk__in=pks)) if pks else []
    if keys:
        try:
            found += list(model.objects.filter(**{f"{key}__in": keys}))
        except (TypeError, ValueError):
            raise DomainError(_("Choose from the list."), field=field) from None
    if len(found) != len(pks) + len(keys):
        raise DomainError(_("Choose from the list."), field=field)
    return found


def _clean_amount(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise DomainError(_("Enter the amount as a number."), field="amount") from exc


def _matches_lead_back_to(start: Pledge, target_pk: int) -> bool:
    """True when following "matches" from ``start`` reaches pledge ``target_pk``."""
    seen: set[int] = set()
    current = start.matches_id
    while current is not None and current not in seen:
        if current == target_pk:
            return True
        seen.add(current)
        current = Pledge.objects.filter(pk=current).values_list("matches_id", flat=True).first()
    return False


def _validate(pledge: Pledge, m2m: dict[str, list[Any]], matches_id: Any) -> None:
    """The pledge rules; raises DomainError naming the field at fault."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    # Matching: the matched pledge must exist, and only matching pledges name one.
    if pledge.form == Pledge.Form.MATCHING:
        if matches_id in (None, ""):
            add("matches", _("A matching pledge names the id of the pledge it matches."))
        else:
            try:
                match_pk = int(matches_id)
            except (TypeError, ValueError):
                match_pk = -1
            match = Pledge.objects.filter(pk=match_pk).first()
            if match is None:
                add("matches", _("There is no pledge with the id “%(id)s”.") % {"id": matches_id})
            elif pledge.pk and match.pk == pledge.pk:
                add("matches", _("A pledge cannot match itself."))
            elif pledge.pk and _matches_lead_back_to(match, pledge.pk):
                add(
                    "matches",
                    _(
                        "Pledge %(id)s already matches this pledge, directly or through other "
                        "pledges; matching it back would make a circle."
                    )
                    % {"id": match.pk},
                )
            else:
                pledge.matches = match
    elif matches_id not in (None, ""):
        add(
            "matches",
            _("Only a matching pledge names another pledge; choose the form “Matching pledge”."),
        )
    else:
        pledge.matches = None

    partners = m2m.get("partner_countries", []) + m2m.get("partner_organisations", [])
    if pledge.form in (Pledge.Form.PARTNERSHIP, Pledge.Form.COMMON) and not partners:
        add("partner_organisations", _("Name the participating countries or organisations."))
    if pledge.form == Pledge.Form.INDIVIDUAL and partners:
        add("form", _("An individual pledge has no partners; choose “Pledge in partnership”."))

    if not m2m.get("objectives") and not m2m.get("principles"):
        add(
            "objectives", _("Choose at least one objective or guiding principle the pledge serves.")
        )

    # Money: only financial pledges, and then an amount with an ISO 4217 currency.
    pledge.currency = (pledge.currency or "").strip().upper()
    if pledge.pledge_type == Pledge.Type.FINANCIAL:
        if pledge.amount is None:
            add("amount", _("A financial pledge states its amount."))
        if not pledge.currency:
            add("currency", _("Give the currency of the amount as an ISO 4217 code, e.g. EUR."))
    elif pledge.amount is not None or pledge.currency:
        add("amount", _("Only financial pledges state an amount and currency."))
    if pledge.amount is not None and pledge.amount < 0:
        add("amount", _("The amount cannot be negative."))
    if pledge.currency and not is_active_currency(pledge.currency):
        add("currency", invalid_currency_message(pledge.currency))
    if errors:
        raise DomainError(errors=errors)


def _set_scalars(pledge: Pledge, data: dict[str, Any], *, actor: Any) -> list[str]:
    """Check and convert the pledge's own fields, then set them; returns those changed."""
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name == "amount":
            value = _clean_amount(value)
        elif name == "cycle":
            name, value = "cycle_id", getattr(value, "pk", value) or None
            if value is not None and not ReviewCycle.objects.filter(pk=value).exists():
                raise DomainError(_("Choose a review cycle from the list."), field="cycle")
        elif name == "deadline" and isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError as exc:
                raise DomainError(_("Enter a valid date."), field="deadline") from exc
        values[name] = value
    allowed = [f if f != "cycle" else "cycle_id" for f in SCALAR_FIELDS]
    return apply_fields(pledge, values, allowed=allowed, actor=actor, strip=True)


@transaction.atomic
def create_pledge(
    *,
    actor: Any,
    country: Country | None = None,
    organisation: Organisation | None = None,
    matches: Any = None,
    objectives: Iterable[Any] | None = None,
    principles: Iterable[Any] | None = None,
    partner_countries: Iterable[Any] | None = None,
    partner_organisations: Iterable[Any] | None = None,
    **data: Any,
) -> Pledge:
    """Record a pledge by a country (its government roles) or an organisation (its members)."""
    if (country is None) == (organisation is None):
        raise DomainError(
            _("A pledge is made by one country or one organisation."), field="country"
        )
    if country is not None and not can_pledge_for_country(actor, country.pk):
        raise ForbiddenError(
            _("Only the government roles of %(c)s may pledge for it.") % {"c": country.name},
            field="country",
        )
    if organisation is not None and not can_pledge_for_organisation(actor, organisation.pk):
        raise ForbiddenError(
            _("You may only pledge for your own organisation."),
            field="organisation",
        )
    pledge = Pledge(country=country, organisation=organisation, created_by=actor)
    _set_scalars(pledge, data, actor=actor)
    m2m = {
        "objectives": _fetch(Objective, objectives, "objectives"),
        "principles": _fetch(GuidingPrinciple, principles, "principles"),
        "partner_countries": _fetch(Country, partner_countries, "partner_countries"),
        "partner_organisations": _fetch(
            Organisation, partner_organisations, "partner_organisations"
        ),
    }
    _validate(pledge, m2m, getattr(matches, "pk", matches))
    full_clean_or_raise(pledge)
    pledge.save()
    for name, values in m2m.items():
        getattr(pledge, name).set(values)
    return pledge


_UNSET = object()


@transaction.atomic
def update_pledge(*, actor: Any, pledge: Pledge, matches: Any = _UNSET, **data: Any) -> Pledge:
    """Change a pledge's terms; the same rules as when it was made."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if not can_edit_pledge(actor, pledge):
        raise ForbiddenError(_("You may not change this pledge."))
    if pledge.status == Pledge.Status.WITHDRAWN:
        raise ConflictError(_("A withdrawn pledge can no longer be changed."), code="withdrawn")
    m2m_input = {name: data.pop(name) for name in M2M_FIELDS if name in data}
    changed = _set_scalars(pledge, data, actor=actor)
    models = {
        "objectives": Objective,
        "principles": GuidingPrinciple,
        "partner_countries": Country,
        "partner_organisations": Organisation,
    }
    m2m = {
        name: (
            _fetch(models[name], m2m_input[name], name)
            if name in m2m_input
            else list(getattr(pledge, name).all())
        )
        for name in M2M_FIELDS
    }
    old_match = pledge.matches_id
    _validate(
        pledge, m2m, pledge.matches_id if matches is _UNSET else getattr(matches, "pk", matches)
    )
    if pledge.matches_id != old_match:
        changed.append("matches")
    full_clean_or_raise(pledge)
    if changed:
        pledge.save(update_fields=[*set(changed), "currency", "updated_at"])
    for name in m2m_input:
        getattr(pledge, name).set(m2m[name])
    return pledge


@transaction.atomic
def post_pledge_update(*, actor: Any, pledge: Pledge, status: str, note: str) -> PledgeUpdate:
    """Post a status update on a pledge; the pledge takes the new status."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if not can_edit_pledge(actor, pledge):
        raise ForbiddenError(
            _("Only the pledging country or organisation may post updates."),
        )
    if pledge.status == Pledge.Status.WITHDRAWN:
        raise DomainError(_("A withdrawn pledge takes no further updates."), field="status")
    if status not in Pledge.Status.values:
        raise DomainError(_("Choose a status from the list."), field="status")
    note = (note or "").strip()
    if not note:
        raise DomainError(_("Say what happened."), field="note")
    update = PledgeUpdate(pledge=pledge, status=status, note=note, posted_by=actor)
    full_clean_or_raise(update)
    update.save()
    if pledge.status != status:
        pledge.status = status
        pledge.save(update_fields=["status", "updated_at"])
    return update
