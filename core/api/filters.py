"""An ordering filter that refuses unknown fields (400 listing the allowed ones).

DRF's OrderingFilter silently drops what it does not know, so ``ordering=evil`` looked like
it worked; a client should learn that its ordering was not applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rest_framework import filters
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request


class OrderingFilter(filters.OrderingFilter):
    def remove_invalid_fields(
        self, queryset: QuerySet[Any], fields: Iterable[str], view: Any, request: Request
    ) -> list[str]:
        fields = list(fields)
        valid = [item[0] for item in self.get_valid_fields(queryset, view, {"request": request})]
        unknown = [term for term in fields if term.removeprefix("-") not in valid]
        if unknown:
            allowed = ", ".join(sorted(valid)) or _("none")
            raise ValidationError(
                {
                    self.ordering_param: [
                        _("Unknown ordering field: %(fields)s. Allowed: %(allowed)s.")
                        % {"fields": ", ".join(unknown), "allowed": allowed}
                    ]
                }
            )
        return fields
