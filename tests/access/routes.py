"""Every page route and every API operation of the project, as access-table keys.

A page route's key is its URL name with namespaces (``"initiatives:detail"``); a route without
a name is keyed by its pattern (``"path:media/<path>"``). The Django admin is one group,
``"admin:*"``. An API operation's key is the method and the path template
(``"GET /api/v1/initiatives/{pk}/"``), as in the OpenAPI schema.
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView

ADMIN_GROUP = "admin:*"


def _api_view_class(pattern: URLPattern) -> type[APIView] | None:
    cls = getattr(pattern.callback, "cls", None)
    return cls if isinstance(cls, type) and issubclass(cls, APIView) else None


def _walk(patterns: list[Any], prefix: str, namespace: str | None) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            found += _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            found.append((prefix + str(pattern.pattern), (pattern, namespace)))
    return found


def page_keys() -> set[str]:
    """The keys of every URL pattern that is not a DRF view (those are API operations)."""
    keys: set[str] = set()
    for route, (pattern, namespace) in _walk(get_resolver().url_patterns, "", None):
        if _api_view_class(pattern) is not None:
            continue
        if namespace == "admin" or (namespace or "").startswith("admin:"):
            keys.add(ADMIN_GROUP)
        elif pattern.name:
            keys.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
        else:
            keys.add(f"path:{route}")
    return keys


def api_operations() -> set[str]:
    """``"METHOD /path"`` for every method of every DRF view, schema-excluded ones too."""
    from drf_spectacular.generators import EndpointEnumerator

    class Everything(EndpointEnumerator):
        def should_include_endpoint(self, path: str, callback: Any, *args: Any, **kw: Any) -> bool:
            cls = getattr(callback, "cls", None)
            return isinstance(cls, type) and issubclass(cls, APIView)

    return {f"{method} {path}" for path, _regex, method, _view in Everything().get_api_endpoints()}


def all_keys() -> set[str]:
    return page_keys() | api_operations()
