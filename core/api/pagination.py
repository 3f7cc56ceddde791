"""Page-number pagination: page and page size are checked (400 with a message), never clamped."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.paginator import Paginator
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

    def get_page_number(self, request: Request, paginator: Paginator) -> int:
        """A whole number from 1 (or "last"); anything else is a 400, not a 404 or a 500."""
        raw = request.query_params.get(self.page_query_param)
        if raw is None or raw == "":
            return 1
        if raw in self.last_page_strings:
            return paginator.num_pages
        if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
            raise ValidationError({self.page_query_param: [_("Enter a page number of 1 or more.")]})
        return int(raw)
