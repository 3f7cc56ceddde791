"""Page-number pagination: page and page size are checked (400 with a message), never clamped."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200

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
