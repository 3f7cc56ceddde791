"""What every app's services do the same way when they write a record.

``apply_fields`` sets the validated fields a command may change and records who changed them
(django-simple-history reads ``_history_user``); services call it instead of their own
``setattr`` loops, so an unknown field is refused with the same message everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from core.errors import InvalidInputError


def set_history_user(instance: models.Model, actor: Any) -> None:
    """Name ``actor`` as the author of the next history record of ``instance``."""
    instance._history_user = actor  # type: ignore[attr-defined]


def _current(instance: models.Model, name: str) -> Any:
    """The value of ``name``; for a foreign key its id (reading an unset one would raise)."""
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return getattr(instance, name)
    if field.many_to_one or field.one_to_one:
        return getattr(instance, field.attname)  # type: ignore[union-attr]
    return getattr(instance, name)


def apply_fields(
    instance: models.Model,
    data: Mapping[str, Any],
    *,
    allowed: Iterable[str],
    actor: Any = None,
    strip: bool = False,
) -> list[str]:
    """Set the fields of ``data`` (each one of ``allowed``) on ``instance``, without saving.

    Returns the names whose value changed, in the order of ``allowed``, for
    ``save(update_fields=...)``. A name outside ``allowed`` is refused before anything is set.
    With ``strip``, text values lose surrounding blanks. With ``actor``, the next history
    record names them.
    """
    allowed = tuple(allowed)
    unknown = set(data) - set(allowed)
    if unknown:
        raise InvalidInputError(
            _("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}
        )
    changed = []
    for name in allowed:
        if name not in data:
            continue
        value = data[name]
        if strip and isinstance(value, str):
            value = value.strip()
        if _current(instance, name) != getattr(value, "pk", value):
            setattr(instance, name, value)
            changed.append(name)
    if actor is not None:
        set_history_user(instance, actor)
    return changed
