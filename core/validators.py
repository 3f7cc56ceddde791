"""One rule for every date a person enters: it lies between 1945 and 2100.

A start date of 0001-01-01 or a deadline in 9999 is a typing slip, never GCM implementation
(the UN dates from 1945). :func:`validate_plausible_date` is the field validator for forms and
serializers; :func:`implausible_dates` checks every editable date field of a model instance and
is run by ``core.errors.full_clean_or_raise``, so every service write applies it.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

EARLIEST_DATE = datetime.date(1945, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


def plausible_date_message() -> str:
    return _("Enter a date between %(earliest)s and %(latest)s.") % {
        "earliest": EARLIEST_DATE.isoformat(),
        "latest": LATEST_DATE.isoformat(),
    }


def validate_plausible_date(value: datetime.date | None) -> None:
    """Raise ValidationError for a date outside 1945-01-01 .. 2100-12-31."""
    if value is None:
        return
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValidationError(plausible_date_message(), code="implausible_date")


def implausible_dates(instance: models.Model, exclude: Collection[str] = ()) -> dict[str, str]:
    """{field name: message} for each editable date field of ``instance`` out of range."""
    errors: dict[str, str] = {}
    for field in instance._meta.concrete_fields:
        if type(field) is not models.DateField or not field.editable or field.name in exclude:
            continue
        try:
            validate_plausible_date(getattr(instance, field.attname))
        except ValidationError as exc:
            errors[field.name] = exc.messages[0]
    return errors
