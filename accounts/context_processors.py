"""Puts the current user's roles in every template, for role-aware navigation."""

from typing import Any

from django.http import HttpRequest

from .permissions import roles_of


def roles(request: HttpRequest) -> dict[str, Any]:
    return {"user_roles": roles_of(getattr(request, "user", None))}
