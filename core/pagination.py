"""A Django paginator whose total can come from a kept figure instead of a COUNT per page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class KeptCountPaginator(Paginator):
    """``count_fn`` (when given) answers the total, e.g. from a cache kept by the services."""

    def __init__(
        self, object_list: Any, per_page: int, *, count_fn: Callable[[], int] | None = None
    ) -> None:
        super().__init__(object_list, per_page)
        self._count_fn = count_fn

    @cached_property
    def count(self) -> int:
        if self._count_fn is not None:
            return self._count_fn()
        return super().count
