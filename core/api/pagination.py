"""Page-number pagination with a maximum page size that is enforced, not silently clamped."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from core.pagination import KeptCountPaginator


class PageNumberPagination(pagination.PageNumberPagination):
    """A view may offer ``kept_count(queryset)`` returning a callable for the total."""

    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(
        self, queryset: Any, request: Request, view: Any = None
    ) -> list[Any] | None:
        kept = getattr(view, "kept_count", None)
        count_fn = kept(queryset) if kept else None
        self.django_paginator_class = partial(  # type: ignore[assignment]
            KeptCountPaginator, count_fn=count_fn
        )
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        """The page and page size with their limits, so clients know them before asking."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                }
        return parameters

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size or 50
        try:
            size = int(raw)
        except ValueError:
            raise ValidationError(
                {self.page_size_query_param: [_("Enter a whole number.")]}
            ) from None
        if size < 1 or size > self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Ensure the page size is between 1 and %(max)d.")
                        % {"max": self.max_page_size}
                    ]
                }
            )
        return size
